using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

/// <summary>
/// Reads a descriptive string (<c>token_type</c>, <c>scope</c>); a value of another kind reads as unknown
/// instead of failing the whole token response and losing its rotated refresh token.
/// </summary>
internal sealed class LenientTextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
