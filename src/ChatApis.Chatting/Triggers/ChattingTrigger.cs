using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Inbound;

namespace ChatApis.Chatting;

/// <summary>
/// A Chatting trigger payload, as POSTed to a subscribed target URL and as returned by the sample
/// endpoints. Switch on the subclass (<see cref="ConversationCreatedTrigger"/>,
/// <see cref="ConversationResolvedTrigger"/>, <see cref="ContactCreatedTrigger"/>,
/// <see cref="TagAddedTrigger"/>, or <see cref="UnknownTrigger"/> for an event this release does not know).
/// </summary>
/// <remarks>
/// Chatting sends each field twice: in the nested <c>data</c> object and flattened as <c>data__field</c>.
/// The nested value is used; the flattened copy fills in when <c>data</c> (or a field of it) is missing.
/// </remarks>
[JsonConverter(typeof(ChattingTriggerConverter))]
public abstract class ChattingTrigger
{
    private protected ChattingTrigger(TriggerFields fields)
    {
        Event = new ChattingEvent(fields.TopLevelString("event") ?? "");
        Timestamp = fields.Timestamp();
        RawJson = fields.Root.GetRawText();
    }

    /// <summary>The event (never empty: a payload that names none is refused).</summary>
    public ChattingEvent Event { get; }

    /// <summary>When the event happened, or <c>null</c> when the payload carried no timestamp.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The payload exactly as received (for fields this release does not model).</summary>
    public string RawJson { get; }

    /// <summary>Parses a trigger payload (e.g. the body of a delivery to your target URL).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The typed trigger.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ChatApiInvalidPayloadException">
    /// The text is not a JSON object, names no event (<c>event</c> missing, empty or not a string), has a
    /// field of the wrong kind, or is beyond <see cref="InboundPayloadLimits"/> (size, nesting) or not valid
    /// Unicode. Answer such a delivery with 400.
    /// </exception>
    public static ChattingTrigger Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(InboundJson.Encode(json, ChattingVendor.Name));
    }

    /// <summary>Parses a UTF-8 trigger payload (e.g. a request body read as bytes; a byte order mark is allowed).</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The typed trigger.</returns>
    /// <exception cref="ChatApiInvalidPayloadException">
    /// The bytes are not a JSON object, name no event (<c>event</c> missing, empty or not a string), have a
    /// field of the wrong kind, or are beyond <see cref="InboundPayloadLimits"/> (size, nesting) or not valid
    /// UTF-8. Answer such a delivery with 400.
    /// </exception>
    public static ChattingTrigger Parse(ReadOnlySpan<byte> utf8Json)
    {
        using var document = InboundJson.Parse(utf8Json, ChattingVendor.Name);
        try
        {
            return From(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw InboundJson.Invalid(ChattingVendor.Name, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw InboundJson.InvalidText(ChattingVendor.Name, ex);
        }
    }

    /// <summary>Builds the typed trigger of a parsed payload.</summary>
    /// <param name="root">The payload's root element.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="JsonException">The payload is not an object, names no event, or a field has the wrong kind.</exception>
    internal static ChattingTrigger From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A trigger payload must be a JSON object but was {root.ValueKind}.", "$", null, null);
        }

        // A payload must say what happened: without an event name there is nothing to dispatch on, and an
        // "unknown" trigger with an empty name would hide a broken or forged delivery.
        var name = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new JsonException("The trigger names no event: 'event' is missing, empty or not a string.", "$.event", null, null);
        }

        var fields = new TriggerFields(root);
        return name switch
        {
            "conversation.created" => new ConversationCreatedTrigger(fields),
            "conversation.resolved" => new ConversationResolvedTrigger(fields),
            "contact.created" => new ContactCreatedTrigger(fields),
            "tag.added" => new TagAddedTrigger(fields),
            _ => new UnknownTrigger(fields),
        };
    }

    /// <summary>The event and timestamp, for diagnostics.</summary>
    /// <returns>E.g. <c>contact.created at 2026-04-08T01:30:00.0000000+00:00</c>.</returns>
    public override string ToString() => $"{Event} at {Timestamp:O}";
}
