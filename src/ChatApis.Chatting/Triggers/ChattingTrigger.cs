using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>The event (empty when the payload named none).</summary>
    public ChattingEvent Event { get; }

    /// <summary>When the event happened, or <c>null</c> when the payload carried no timestamp.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>The payload exactly as received (for fields this release does not model).</summary>
    public string RawJson { get; }

    /// <summary>Parses a trigger payload (e.g. the body of a delivery to your target URL).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The typed trigger.</returns>
    /// <exception cref="ChatApiInvalidResponseException">The text is not a JSON object, or a field has the wrong kind.</exception>
    public static ChattingTrigger Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses a UTF-8 trigger payload (e.g. a request body read as bytes).</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The typed trigger.</returns>
    /// <exception cref="ChatApiInvalidResponseException">The bytes are not a JSON object, or a field has the wrong kind.</exception>
    public static ChattingTrigger Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException("Unexpected content after the trigger payload.");
            }

            return From(document.RootElement);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // JsonDocument checks a string's UTF-8 only when it is read: invalid bytes surface as an
            // InvalidOperationException from GetString, and are as much a malformed payload as bad JSON.
            throw new ChatApiInvalidResponseException(
                $"The Chatting trigger payload could not be read: {ex.Message}",
                new ChatApiErrorDetails(Vendor: ChattingVendor.Name),
                ex);
        }
    }

    /// <summary>Builds the typed trigger of a parsed payload.</summary>
    /// <param name="root">The payload's root element.</param>
    /// <returns>The trigger.</returns>
    /// <exception cref="JsonException">The payload is not an object or a field has the wrong kind.</exception>
    internal static ChattingTrigger From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A trigger payload must be a JSON object but was {root.ValueKind}.");
        }

        var fields = new TriggerFields(root);
        return fields.TopLevelString("event") switch
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
