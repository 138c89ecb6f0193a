using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>A trigger subscription: Chatting POSTs the event's payload to its target URL.</summary>
public sealed class ChattingWebhookSubscription : ChattingResponse
{
    /// <summary>The subscription's id, e.g. <c>wh_123</c>; pass it to unsubscribe.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The subscribed event.</summary>
    [JsonPropertyName("event")]
    public ChattingEvent Event { get; set; }

    /// <summary>Whether deliveries are sent (subscribing again reactivates an existing subscription).</summary>
    [JsonPropertyName("active")]
    public bool Active { get; set; }
}
