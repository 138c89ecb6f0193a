using ChatApis.AssistLoop;

namespace ChatApis.AspNetCore;

/// <summary>Reads AssistLoop webhook deliveries; the key is the event's <c>id</c>, or the body's hash when it has none.</summary>
internal sealed class AssistLoopDeliveryParser : IDeliveryParser
{
    public string Source => InboundSources.AssistLoop;

    public ParsedDelivery Parse(ReadOnlySpan<byte> body)
    {
        AssistLoopWebhookEvent parsed;
        try
        {
            parsed = AssistLoopWebhookEvent.Parse(body);
        }
        catch (Exception ex) when (InvalidDeliveryException.IsParseFailure(ex))
        {
            // FormatException covers ChatApiInvalidPayloadException, which replaces ChatApiInvalidResponseException here.
            throw new InvalidDeliveryException("The body is not an AssistLoop webhook event (a JSON object with its documented fields).", ex);
        }

        var name = parsed.Event.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidDeliveryException("The event has no name (the 'event' field is missing or empty).");
        }

        var key = string.IsNullOrEmpty(parsed.Id) ? DeliveryKeys.FromBody(Source, body) : DeliveryKeys.FromId(Source, parsed.Id);
        return parsed switch
        {
            AssistLoopNewConversationEvent e => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<AssistLoopNewConversationEvent, AssistLoopWebhookEvent>(e, c, ct)),
            AssistLoopHumanHandoffRequiredEvent e => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<AssistLoopHumanHandoffRequiredEvent, AssistLoopWebhookEvent>(e, c, ct)),
            AssistLoopUnknownWebhookEvent e => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<AssistLoopUnknownWebhookEvent, AssistLoopWebhookEvent>(e, c, ct)),
            _ => new(name, key, (c, ct) => HandlerDispatch.InvokeAsync<AssistLoopWebhookEvent, AssistLoopWebhookEvent>(parsed, c, ct)),
        };
    }
}
