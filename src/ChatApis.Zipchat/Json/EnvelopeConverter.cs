using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// Reads a response value that Zipchat may wrap in a single-key object (<c>{"conversation": {...}}</c>) or, where
/// the documents lost the shape, send bare: when the body is an object whose <c>key</c> holds an object, that
/// object is the value and the other properties beside it (undocumented metadata) are kept in the value's
/// <see cref="ApiModel.AdditionalProperties"/>; otherwise the whole body is the value. Either way the value must
/// pass its check (present, with its id, see <see cref="ZipchatModelChecks"/>): <c>{}</c>, <c>{"user": null}</c>,
/// <c>{"user": 5}</c> or <c>{"user": {}}</c> are invalid responses, never a value with <c>Id</c> 0.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="key">The wrapper's property, e.g. <c>user</c>.</param>
/// <param name="check">Throws a <see cref="JsonException"/> when the value is not one.</param>
internal sealed class EnvelopeConverter<T>(string key, Action<T, string> check) : JsonConverter<T>
    where T : ApiModel
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // The value's own contract from the context: this converter is never registered there, so no recursion.
        var typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object holding a {key} but the body was {root.ValueKind}.");
        }

        if (!root.TryGetProperty(key, out var inner))
        {
            return Deserialize(root, typeInfo, "$");
        }

        if (inner.ValueKind != JsonValueKind.Object)
        {
            // A bare value may have a property of the wrapper's name (a bare message's "message" is its text),
            // but then it carries its own id; otherwise the wrapper is there and holds the wrong thing.
            return root.TryGetProperty("id", out _)
                ? Deserialize(root, typeInfo, "$")
                : throw new JsonException($"The response's '{key}' was {inner.ValueKind} where a {key} object was expected.");
        }

        var value = Deserialize(inner, typeInfo, "$." + key);
        foreach (var sibling in root.EnumerateObject())
        {
            if (sibling.NameEquals(key))
            {
                continue;
            }

            value.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            value.AdditionalProperties.TryAdd(sibling.Name, sibling.Value.Clone());
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Response envelopes are only read.");

    private T Deserialize(JsonElement element, JsonTypeInfo<T> typeInfo, string path)
    {
        var value = element.Deserialize(typeInfo) ?? throw new JsonException($"The response body held null instead of a {typeof(T).Name}.");
        check(value, path);
        return value;
    }
}
