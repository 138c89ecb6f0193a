using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>The answer to an unsubscribe: the subscription is kept but deactivated.</summary>
public sealed class ChattingWebhookUnsubscription : ChattingResponse
{
    /// <summary>The subscription's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>Whether deliveries are still sent (<c>false</c> after an unsubscribe).</summary>
    [JsonPropertyName("active")]
    public bool Active { get; set; }
}
