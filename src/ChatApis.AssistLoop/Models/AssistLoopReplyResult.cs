using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The answer to a reply: <c>{"status": "sent", "message_id": "..."}</c>.</summary>
public sealed class AssistLoopReplyResult : ApiModel
{
    /// <summary>The outcome, <c>sent</c>.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    /// <summary>The new message's id.</summary>
    [JsonPropertyName("message_id")]
    public string MessageId { get; set; } = "";
}
