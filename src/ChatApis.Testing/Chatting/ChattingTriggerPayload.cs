using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatApis.Testing.Chatting;

/// <summary>
/// Writes a trigger payload in the documents' shape: <c>event</c>, <c>timestamp</c>, a flattened
/// <c>data__field</c> copy of each field, then the nested <c>data</c> object (arrays only there).
/// </summary>
internal static class ChattingTriggerPayload
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(string @event, DateTimeOffset at, params (string Name, JsonNode? Value)[] fields)
    {
        var payload = new JsonObject
        {
            ["event"] = @event,
            ["timestamp"] = Timestamp(at),
        };
        var data = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is not JsonArray)
            {
                payload["data__" + name] = value?.DeepClone();
            }

            data[name] = value;
        }

        payload["data"] = data;
        return payload.ToJsonString(Relaxed);
    }

    // The documents' spelling: milliseconds and Z.
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
