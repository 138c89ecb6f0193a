using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>Reads a boolean from true/false, 1/0 or their string spellings; null reads as false.</summary>
public sealed class TolerantBooleanConverter : JsonConverter<bool>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        JsonTokenType.Number when reader.TryGetInt64(out var n) => n != 0,
        JsonTokenType.String => reader.GetString()?.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "1" => true,
            "FALSE" or "0" or "" => false,
            // The text is not repeated: it may come from a webhook payload, and its content has no place in a log.
            _ => throw new JsonException("A string other than true, false, 1 or 0 was found where a boolean was expected."),
        },
        _ => throw new JsonException($"Expected a boolean but found {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(value);
    }
}
