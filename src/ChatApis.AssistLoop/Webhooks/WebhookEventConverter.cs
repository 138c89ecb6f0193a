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

        var type = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        AssistLoopWebhookEvent? parsed = type switch
        {
            "new_conversation" => root.Deserialize(AssistLoopJsonContext.Default.NewConversationEvent),
            "human_handoff_required" => root.Deserialize(AssistLoopJsonContext.Default.HumanHandoffRequiredEvent),
            _ => Unknown(root),
        };
        return parsed ?? throw new JsonException("The webhook event was JSON null.");
    }

    public override void Write(Utf8JsonWriter writer, AssistLoopWebhookEvent value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Webhook events are only read.");

    private static UnknownWebhookEvent Unknown(JsonElement root)
    {
        var unknown = new UnknownWebhookEvent { Raw = root.Clone() };
        if (root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            unknown.Id = id.GetString();
        }

        if (root.TryGetProperty("event", out var type) && type.ValueKind == JsonValueKind.String)
        {
            unknown.Event = WebhookEventType.FromValue(type.GetString()!);
        }

        if (root.TryGetProperty("timestamp", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var when))
        {
            unknown.Timestamp = when;
        }

        return unknown;
    }
}
