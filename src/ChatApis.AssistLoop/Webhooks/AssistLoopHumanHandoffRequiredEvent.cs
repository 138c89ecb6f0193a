using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

/// <summary>The <c>human_handoff_required</c> event: the AI asked for a human (the conversation is in human mode).</summary>
public sealed class AssistLoopHumanHandoffRequiredEvent : AssistLoopWebhookEvent
{
    /// <summary>The event's data, with the message that triggered the handoff.</summary>
    [JsonPropertyName("data")]
    public AssistLoopHumanHandoffRequiredData Data { get; set; } = new();
}

/// <summary>The data of a <see cref="AssistLoopHumanHandoffRequiredEvent"/>.</summary>
public sealed class AssistLoopHumanHandoffRequiredData : AssistLoopWebhookEventData
{
    /// <summary>The latest message (the one that led to the handoff).</summary>
    [JsonPropertyName("last_message")]
    public AssistLoopWebhookMessage? LastMessage { get; set; }
}
