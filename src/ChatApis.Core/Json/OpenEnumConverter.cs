using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>Reads and writes an <see cref="IOpenEnum{TSelf}"/> as its wire string; unknown strings are kept.</summary>
/// <typeparam name="T">The open enum type.</typeparam>
public sealed class OpenEnumConverter<T> : JsonConverter<T>
    where T : struct, IOpenEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => T.FromValue(reader.GetString()!),
        JsonTokenType.Null => default,
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => T.FromValue(JsonScalar.Text(ref reader)),
        _ => throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
