using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Inbound;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>
/// A webhook delivery (or a recent sample, which has the same shape): <see cref="AssistLoopNewConversationEvent"/>,
/// <see cref="AssistLoopHumanHandoffRequiredEvent"/>, or <see cref="AssistLoopUnknownWebhookEvent"/> for an event this
/// release does not know (its raw JSON is kept). Switch on the type to handle them.
/// </summary>
/// <remarks>
/// AssistLoop documents no signature scheme for deliveries (the subscription secret is returned once,
/// but no header or algorithm is published), so this SDK does not verify deliveries: protect the
/// target URL itself (a hard-to-guess path, HTTPS) and keep the secret should AssistLoop publish a scheme.
/// </remarks>
public abstract class AssistLoopWebhookEvent : ApiModel
{
    /// <summary>The event's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The event type, e.g. <see cref="AssistLoopWebhookEventType.NewConversation"/>.</summary>
    [JsonPropertyName("event")]
    public AssistLoopWebhookEventType Event { get; set; }

    /// <summary>When the event happened (e.g. <c>2025-01-20T16:00:00+00:00</c> on the wire).</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Parses a delivery body.</summary>
    /// <param name="json">The request body as text.</param>
    /// <returns>The typed event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ChatApiInvalidPayloadException">
    /// The body is not a JSON object of the documented shape: not JSON, not an object, no non-empty
    /// <c>event</c> name, a field of the wrong type, or beyond <see cref="InboundPayloadLimits"/> (size, nesting)
    /// or not valid Unicode. Answer such a delivery with 400.
    /// </exception>
    public static AssistLoopWebhookEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(InboundJson.Encode(json, AssistLoopVendor.Name));
    }

    /// <summary>Parses a delivery body.</summary>
    /// <param name="utf8Json">The request body bytes (UTF-8; a byte order mark is allowed).</param>
    /// <returns>The typed event.</returns>
    /// <exception cref="ChatApiInvalidPayloadException">
    /// The body is not a JSON object of the documented shape: not JSON, not an object, no non-empty
    /// <c>event</c> name, a field of the wrong type, or beyond <see cref="InboundPayloadLimits"/> (size, nesting)
    /// or not valid UTF-8. Answer such a delivery with 400.
    /// </exception>
    public static AssistLoopWebhookEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var document = InboundJson.Parse(utf8Json, AssistLoopVendor.Name);
        try
        {
            return Read(document.RootElement);
        }
        catch (InvalidOperationException ex)
        {
            throw InboundJson.InvalidText(AssistLoopVendor.Name, ex);
        }
    }

    private static AssistLoopWebhookEvent Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ChatApiInvalidPayloadException(AssistLoopVendor.Name, $"a webhook event must be a JSON object but the body is {Kind(root.ValueKind)}", "$");
        }

        // Checked here too (the converter refuses it as well) so the receiver learns exactly what is wrong.
        if (WebhookEventConverter.EventNameOf(root) is null)
        {
            throw new ChatApiInvalidPayloadException(AssistLoopVendor.Name, "the event name is missing, empty or not a string", "$.event");
        }

        try
        {
            return root.Deserialize(AssistLoopJsonContext.Default.AssistLoopWebhookEvent)
                ?? throw new JsonException("The webhook body was JSON null.");
        }
        catch (JsonException ex)
        {
            throw InboundJson.Invalid(AssistLoopVendor.Name, ex);
        }
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => "a boolean",
    };
}
