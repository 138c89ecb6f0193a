using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>The success envelope every Chatting action answers with: <c>{"ok": true, ...fields}</c>.</summary>
public abstract class ChattingResponse : ApiModel
{
    /// <summary>Whether Chatting reported success (always <c>true</c> on a 2xx answer).</summary>
    [JsonPropertyName("ok")]
    public bool Ok { get; set; }
}
