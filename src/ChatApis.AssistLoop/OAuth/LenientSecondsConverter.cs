using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

/// <summary>
/// Reads a lifetime in seconds from a JSON number or numeric string; anything else (null, text, an
/// object, a number too large for a double) reads as unknown instead of failing the whole token response,
/// whose rotated refresh token must not be lost over a field the client can live without.
/// </summary>
internal sealed class LenientSecondsConverter : JsonConverter<double?>
{
    public override bool HandleNull => true;

    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number) && double.IsFinite(number) ? number : null;
            case JsonTokenType.String:
                return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) ? parsed : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } seconds)
        {
            writer.WriteNumberValue(seconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
