namespace ChatApis.AspNetCore;

// A handler given as a lambda to InboundEventsBuilder.AddHandler.
internal sealed class DelegateInboundEventHandler<TEvent>(Func<TEvent, InboundEventContext, CancellationToken, Task> handle) : IInboundEventHandler<TEvent>
{
    public Task HandleAsync(TEvent inboundEvent, InboundEventContext context, CancellationToken cancellationToken = default) =>
        handle(inboundEvent, context, cancellationToken);
}
