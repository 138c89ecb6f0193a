using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>What every event's <c>data</c> holds: the conversation, its agent, customer and organization.</summary>
public abstract class WebhookEventData : ApiModel
{
    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation")]
    public WebhookConversation? Conversation { get; set; }

    /// <summary>The agent.</summary>
    [JsonPropertyName("agent")]
    public WebhookAgent? Agent { get; set; }

    /// <summary>The customer (name and email may be null for anonymous conversations).</summary>
    [JsonPropertyName("chat_user")]
    public ChatUser? ChatUser { get; set; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("organization")]
    public WebhookOrganization? Organization { get; set; }
}
