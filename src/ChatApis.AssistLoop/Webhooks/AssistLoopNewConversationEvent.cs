using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

/// <summary>The <c>new_conversation</c> event: a customer started a conversation.</summary>
public sealed class AssistLoopNewConversationEvent : AssistLoopWebhookEvent
{
    /// <summary>The event's data, with the conversation's first message.</summary>
    [JsonPropertyName("data")]
    public AssistLoopNewConversationData Data { get; set; } = new();
}

/// <summary>The data of a <see cref="AssistLoopNewConversationEvent"/>.</summary>
public sealed class AssistLoopNewConversationData : AssistLoopWebhookEventData
{
    /// <summary>The customer's first message.</summary>
    [JsonPropertyName("initial_message")]
    public AssistLoopWebhookMessage? InitialMessage { get; set; }
}
