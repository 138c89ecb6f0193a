using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>What every event's <c>data</c> holds: the conversation, its agent, customer and organization.</summary>
public abstract class AssistLoopWebhookEventData : ApiModel
{
    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation")]
    public AssistLoopWebhookConversation? Conversation { get; set; }

    /// <summary>The agent.</summary>
    [JsonPropertyName("agent")]
    public AssistLoopWebhookAgent? Agent { get; set; }

    /// <summary>The customer (name and email may be null for anonymous conversations).</summary>
    [JsonPropertyName("chat_user")]
    public AssistLoopChatUser? ChatUser { get; set; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("organization")]
    public AssistLoopWebhookOrganization? Organization { get; set; }
}
