using ChatApis.Chatting;

namespace ChatApis.AspNetCore;

/// <summary>
/// Reads Chatting trigger deliveries. Triggers carry no id, so the key is the body's hash: a retry sends the same
/// bytes, and two events differ at least in their timestamp.
/// </summary>
internal sealed class ChattingDeliveryParser : IDeliveryParser
{
    public string Source => InboundSources.Chatting;

    public ParsedDelivery Parse(ReadOnlySpan<byte> body)
    {
        ChattingTrigger parsed;
        try
        {
            parsed = ChattingTrigger.Parse(body);
        }
        catch (Exception ex) when (InvalidDeliveryException.IsParseFailure(ex))
        {
            throw new InvalidDeliveryException("The body is not a Chatting trigger payload (a JSON object with its documented fields).", ex);
        }

        var name = parsed.Event.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidDeliveryException("The trigger has no event name (the 'event' field is missing or empty).");
        }

        var key = DeliveryKeys.FromBody(Source, body);
        return parsed switch
        {
            ConversationCreatedTrigger t => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<ConversationCreatedTrigger, ChattingTrigger>(t, c, ct)),
            ConversationResolvedTrigger t => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<ConversationResolvedTrigger, ChattingTrigger>(t, c, ct)),
            ContactCreatedTrigger t => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<ContactCreatedTrigger, ChattingTrigger>(t, c, ct)),
            TagAddedTrigger t => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<TagAddedTrigger, ChattingTrigger>(t, c, ct)),
            UnknownTrigger t => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<UnknownTrigger, ChattingTrigger>(t, c, ct)),
            _ => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<ChattingTrigger, ChattingTrigger>(parsed, c, ct)),
        };
    }
}
