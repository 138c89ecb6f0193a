using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The answer to a webhook subscription: <c>{"data": {"id", "secret"}, "message"}</c>.</summary>
public sealed class AssistLoopWebhookSubscription : ApiModel
{
    /// <summary>The subscription's id and its once-shown secret.</summary>
    [JsonPropertyName("data")]
    public AssistLoopWebhookSubscriptionData Data { get; set; } = new();

    /// <summary>The confirmation text, e.g. <c>Webhook subscribed successfully</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
