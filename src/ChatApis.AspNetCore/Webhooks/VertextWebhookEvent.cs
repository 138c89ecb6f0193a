using System.Text.Json;

namespace ChatApis.AspNetCore;

/// <summary>
/// A delivery to a Vertext Zapier subscription's target URL. Vertext does not document what it posts, so this
/// SDK does not guess a shape: the JSON is kept whole for the handler to read.
/// </summary>
public sealed class VertextWebhookEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="payload">The body's JSON value.</param>
    /// <param name="rawJson">The body as text.</param>
    public VertextWebhookEvent(JsonElement payload, string rawJson)
    {
        ArgumentNullException.ThrowIfNull(rawJson);
        Payload = payload;
        RawJson = rawJson;
    }

    /// <summary>The body's JSON value (usable after the handler returns: it owns no pooled memory).</summary>
    public JsonElement Payload { get; }

    /// <summary>The body as received, as text.</summary>
    public string RawJson { get; }

    /// <summary>The payload's top-level <c>event</c> or <c>type</c> string, if it has one (a guess the handler may ignore).</summary>
    public string? EventName =>
        Payload.ValueKind == JsonValueKind.Object && (Payload.TryGetProperty("event", out var name) || Payload.TryGetProperty("type", out name)) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    /// <summary>For diagnostics (no payload content).</summary>
    /// <returns>E.g. <c>Vertext delivery (Object, 120 chars)</c>.</returns>
    public override string ToString() => $"Vertext delivery ({Payload.ValueKind}, {RawJson.Length} chars)";
}
