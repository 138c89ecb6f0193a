using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>
/// Reads ISO 8601 timestamps in the spellings the vendors use (<c>2025-01-20T16:00:15.000000Z</c>
/// with microseconds, <c>2025-01-20T16:00:00+00:00</c> with an offset, <c>2026-04-09T00:00:00.000Z</c>)
/// and writes them back as ISO 8601 UTC. A value without an offset is taken as UTC.
/// </summary>
public sealed class Iso8601Converter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected an ISO 8601 string but found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var fast))
        {
            return fast;
        }

        var text = reader.GetString();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed;
        }

        // The text is not repeated: it may come from a webhook payload, and its content has no place in a log.
        throw new JsonException($"A string of {text?.Length ?? 0} characters that is not an ISO 8601 timestamp was found where a timestamp was expected.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Http.WireFormat.Iso8601(value));
    }
}
