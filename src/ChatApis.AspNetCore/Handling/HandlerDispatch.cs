using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.AspNetCore;

/// <summary>Finds the handler of an event in the delivery's scope and calls it.</summary>
internal static class HandlerDispatch
{
    /// <summary>
    /// Calls the handler of <typeparamref name="TEvent"/>, or else the handler of the vendor's base type
    /// <typeparamref name="TBase"/>; <c>false</c> when neither is registered (the event is acknowledged unhandled).
    /// </summary>
    public static async Task<bool> InvokeAsync<TEvent, TBase>(TEvent inboundEvent, InboundEventContext context, CancellationToken cancellationToken)
        where TEvent : TBase
    {
        if (context.Services.GetService<IInboundEventHandler<TEvent>>() is { } handler)
        {
            await handler.HandleAsync(inboundEvent, context, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (typeof(TEvent) != typeof(TBase) && context.Services.GetService<IInboundEventHandler<TBase>>() is { } fallback)
        {
            await fallback.HandleAsync(inboundEvent, context, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
