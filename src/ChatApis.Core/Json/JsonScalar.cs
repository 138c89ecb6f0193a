using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ChatApis.Json;

internal static class JsonScalar
{
    // The raw text of a scalar token (numbers keep their exact spelling).
    public static string Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
    };
}
