namespace ChatApis.AspNetCore;

/// <summary>A delivery body read into its typed event: its name, its key across retries, and how to call its handler.</summary>
/// <param name="EventName">The event's name as sent.</param>
/// <param name="DeliveryKey">The key that identifies it across retries.</param>
/// <param name="DispatchAsync">Calls the handler; <c>false</c> when none is registered.</param>
internal sealed record ParsedDelivery(string EventName, string DeliveryKey, Func<InboundEventContext, CancellationToken, Task<bool>> DispatchAsync);
