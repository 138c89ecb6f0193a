using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>
/// A webhook delivery (or a recent sample, which has the same shape): <see cref="NewConversationEvent"/>,
/// <see cref="HumanHandoffRequiredEvent"/>, or <see cref="UnknownWebhookEvent"/> for an event this
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

    /// <summary>The event type, e.g. <see cref="WebhookEventType.NewConversation"/>.</summary>
    [JsonPropertyName("event")]
    public WebhookEventType Event { get; set; }

    /// <summary>When the event happened (e.g. <c>2025-01-20T16:00:00+00:00</c> on the wire).</summary>
    [JsonPropertyName("timestamp")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Parses a delivery body.</summary>
    /// <param name="json">The request body as text.</param>
    /// <returns>The typed event.</returns>
    /// <exception cref="ChatApiInvalidResponseException">The body is not a JSON object of the documented shape.</exception>
    public static AssistLoopWebhookEvent Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a delivery body.</summary>
    /// <param name="utf8Json">The request body bytes.</param>
    /// <returns>The typed event.</returns>
    /// <exception cref="ChatApiInvalidResponseException">The body is not a JSON object of the documented shape.</exception>
    public static AssistLoopWebhookEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, AssistLoopJsonContext.Default.AssistLoopWebhookEvent)
                ?? throw new JsonException("The webhook body was JSON null.");
        }
        catch (JsonException ex)
        {
            throw new ChatApiInvalidResponseException(
                $"The AssistLoop webhook body is not a valid event ({ex.Message}).",
                ChatApiErrorDetails.None with { Vendor = AssistLoopVendor.Name },
                ex);
        }
    }
}
