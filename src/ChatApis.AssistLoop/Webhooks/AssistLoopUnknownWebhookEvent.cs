using System.Text.Json;

namespace ChatApis.AssistLoop;

/// <summary>An event type this release does not know; <see cref="Raw"/> keeps the whole body.</summary>
public sealed class AssistLoopUnknownWebhookEvent : AssistLoopWebhookEvent
{
    /// <summary>The whole event object as received.</summary>
    public JsonElement Raw { get; init; }
}
