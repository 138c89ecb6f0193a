using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>Reads and writes a <see cref="DateTimeOffset"/> as Unix epoch seconds (a number, or a numeric string).</summary>
public sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double seconds;
        if (reader.TokenType == JsonTokenType.Number)
        {
            seconds = reader.GetDouble();
        }
        else if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            seconds = parsed;
        }
        else if (reader.TokenType == JsonTokenType.Null)
        {
            return default;
        }
        else
        {
            throw new JsonException($"Expected Unix seconds but found {reader.TokenType}.");
        }

        if (!double.IsFinite(seconds) || seconds < -62135596800 || seconds > 253402300799)
        {
            throw new JsonException($"The Unix timestamp {seconds} is out of range.");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }
}
