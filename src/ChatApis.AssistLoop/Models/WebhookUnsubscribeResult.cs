using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The answer to an unsubscribe: <c>{"data": null, "message": "Webhook unsubscribed successfully"}</c>.</summary>
public sealed class WebhookUnsubscribeResult : ApiModel
{
    /// <summary>The data, <c>null</c> in the documents' example (kept raw, should AssistLoop ever fill it).</summary>
    [JsonPropertyName("data")]
    public JsonElement? Data { get; set; }

    /// <summary>The confirmation text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
