using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// A response value that Zipchat may wrap in a single-key object (<c>{"conversation": {...}}</c>) or, where
/// the documents lost the shape, send bare. The client reads both.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class Envelope<T>(T value)
    where T : ApiModel
{
    public T Value { get; } = value;
}

/// <summary>
/// Reads an <see cref="Envelope{T}"/>: when the body is an object whose <see cref="Key"/> holds an object,
/// that object is the value and the other properties beside it (undocumented metadata) are kept in the
/// value's <see cref="ApiModel.AdditionalProperties"/>; otherwise the whole body is the value.
/// </summary>
/// <typeparam name="TEnvelope">The envelope type.</typeparam>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class EnvelopeConverter<TEnvelope, T> : JsonConverter<TEnvelope>
    where TEnvelope : Envelope<T>
    where T : ApiModel
{
    protected abstract string Key { get; }

    protected abstract TEnvelope Create(T value);

    public override TEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(Key, out var inner) && inner.ValueKind == JsonValueKind.Object)
        {
            var value = Deserialize(inner, typeInfo);
            foreach (var sibling in root.EnumerateObject())
            {
                if (sibling.NameEquals(Key))
                {
                    continue;
                }

                value.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                value.AdditionalProperties.TryAdd(sibling.Name, sibling.Value.Clone());
            }

            return Create(value);
        }

        return Create(Deserialize(root, typeInfo));
    }

    public override void Write(Utf8JsonWriter writer, TEnvelope value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Response envelopes are only read.");

    private static T Deserialize(JsonElement element, JsonTypeInfo<T> typeInfo) =>
        element.Deserialize(typeInfo) ?? throw new JsonException($"The response body held null instead of a {typeof(T).Name}.");
}
