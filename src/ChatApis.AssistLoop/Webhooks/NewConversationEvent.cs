using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

/// <summary>The <c>new_conversation</c> event: a customer started a conversation.</summary>
public sealed class NewConversationEvent : AssistLoopWebhookEvent
{
    /// <summary>The event's data, with the conversation's first message.</summary>
    [JsonPropertyName("data")]
    public NewConversationData Data { get; set; } = new();
}

/// <summary>The data of a <see cref="NewConversationEvent"/>.</summary>
public sealed class NewConversationData : WebhookEventData
{
    /// <summary>The customer's first message.</summary>
    [JsonPropertyName("initial_message")]
    public WebhookMessage? InitialMessage { get; set; }
}
