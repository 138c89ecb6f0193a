namespace ChatApis.AspNetCore;

/// <summary>
/// Handles one type of inbound event, whichever way it arrived (an AssistLoop webhook, a Chatting trigger, a
/// Vertext webhook, a message the Zipchat watcher found). Register one per event type, e.g.
/// <c>IInboundEventHandler&lt;AssistLoopHumanHandoffRequiredEvent&gt;</c>, with
/// <see cref="InboundEventsBuilder.AddHandler{TEvent, THandler}"/>; a handler of a vendor's base event type
/// (<c>AssistLoopWebhookEvent</c>, <c>ChattingTrigger</c>) receives the events no specific handler takes.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <remarks>
/// A handler runs once per event: a delivery that was handled before (within the deduplication window) is
/// acknowledged without calling it again. A handler that throws makes the delivery fail (5xx to the vendor, or a
/// retry by the watcher), and the event is offered again. Do the work inside the call: the delivery is
/// acknowledged when it returns.
/// </remarks>
public interface IInboundEventHandler<in TEvent>
{
    /// <summary>Handles the event.</summary>
    /// <param name="inboundEvent">The event.</param>
    /// <param name="context">Where it came from and the delivery's key.</param>
    /// <param name="cancellationToken">Cancelled when the sender hangs up or the app stops.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(TEvent inboundEvent, InboundEventContext context, CancellationToken cancellationToken = default);
}
