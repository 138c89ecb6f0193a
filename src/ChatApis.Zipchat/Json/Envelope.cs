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
/// value's <see cref="ApiModel.AdditionalProperties"/>; otherwise the whole body is the value. Either way the
/// value must pass <see cref="Check"/> (present, with its id): <c>{}</c>, <c>{"user": null}</c>,
/// <c>{"user": 5}</c> or <c>{"user": {}}</c> are invalid responses, never a value with <c>Id</c> 0.
/// </summary>
/// <typeparam name="TEnvelope">The envelope type.</typeparam>
/// <typeparam name="T">The value type.</typeparam>
internal abstract class EnvelopeConverter<TEnvelope, T> : JsonConverter<TEnvelope>
    where TEnvelope : Envelope<T>
    where T : ApiModel
{
    protected abstract string Key { get; }

    protected abstract TEnvelope Create(T value);

    /// <summary>Throws a <see cref="JsonException"/> when the value is not one (see <see cref="ZipchatModelChecks"/>).</summary>
    /// <param name="value">The value read.</param>
    /// <param name="path">Where it was in the body, for the message.</param>
    protected abstract void Check(T value, string path);

    public override TEnvelope Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object holding a {Key} but the body was {root.ValueKind}.");
        }

        if (!root.TryGetProperty(Key, out var inner))
        {
            return Bare(root, typeInfo);
        }

        if (inner.ValueKind != JsonValueKind.Object)
        {
            // A bare value may have a property of the wrapper's name (a bare message's "message" is its text),
            // but then it carries its own id; otherwise the wrapper is there and holds the wrong thing.
            return root.TryGetProperty("id", out _)
                ? Bare(root, typeInfo)
                : throw new JsonException($"The response's '{Key}' was {inner.ValueKind} where a {Key} object was expected.");
        }

        var value = Deserialize(inner, typeInfo, "$." + Key);
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

    public override void Write(Utf8JsonWriter writer, TEnvelope value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Response envelopes are only read.");

    private TEnvelope Bare(JsonElement root, JsonTypeInfo<T> typeInfo) => Create(Deserialize(root, typeInfo, "$"));

    private T Deserialize(JsonElement element, JsonTypeInfo<T> typeInfo, string path)
    {
        var value = element.Deserialize(typeInfo) ?? throw new JsonException($"The response body held null instead of a {typeof(T).Name}.");
        Check(value, path);
        return value;
    }
}
