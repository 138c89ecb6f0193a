using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The answer to a close: <c>{"status": "conversation_closed", "platform": "zapier"}</c>.</summary>
public sealed class AssistLoopCloseResult : ApiModel
{
    /// <summary>The outcome, <c>conversation_closed</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    /// <summary>The platform the close was made for (<c>zapier</c> or <c>make</c>).</summary>
    [JsonPropertyName("platform")]
    public string Platform { get; set; } = "";
}
