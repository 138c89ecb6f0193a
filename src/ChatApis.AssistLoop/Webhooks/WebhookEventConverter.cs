using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

/// <summary>
/// Chooses the event type by the <c>event</c> property wherever it appears in the object (it is not
/// first, so System.Text.Json's built-in polymorphism cannot be used); unknown events keep their JSON.
/// </summary>
internal sealed class WebhookEventConverter : JsonConverter<AssistLoopWebhookEvent>
{
    public override AssistLoopWebhookEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a webhook event object but found {root.ValueKind}.");
        }

        // Every delivery and sample names its event: without a name there is nothing to dispatch on.
        var type = EventNameOf(root) ?? throw new JsonException("The webhook event has no event name (the 'event' property is missing, empty or not a string).");
        AssistLoopWebhookEvent? parsed = type switch
        {
            "new_conversation" => root.Deserialize(AssistLoopJsonContext.Default.AssistLoopNewConversationEvent),
            "human_handoff_required" => root.Deserialize(AssistLoopJsonContext.Default.AssistLoopHumanHandoffRequiredEvent),
            _ => Unknown(root),
        };
        return parsed ?? throw new JsonException("The webhook event was JSON null.");
    }

    /// <summary>The event's name, or <c>null</c> when <c>event</c> is missing, blank or not a string.</summary>
    /// <param name="root">The event object.</param>
    /// <returns>The name.</returns>
    internal static string? EventNameOf(JsonElement root) =>
        root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { } name && !string.IsNullOrWhiteSpace(name)
            ? name
            : null;

    public override void Write(Utf8JsonWriter writer, AssistLoopWebhookEvent value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Webhook events are only read.");

    private static AssistLoopUnknownWebhookEvent Unknown(JsonElement root)
    {
        var unknown = new AssistLoopUnknownWebhookEvent { Raw = root.Clone() };
        if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            unknown.Id = id.GetString();
        }

        unknown.Event = AssistLoopWebhookEventType.FromValue(EventNameOf(root)!);

        if (root.TryGetProperty("timestamp", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var when))
        {
            unknown.Timestamp = when;
        }

        return unknown;
    }
}
