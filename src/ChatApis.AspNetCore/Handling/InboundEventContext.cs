namespace ChatApis.AspNetCore;

/// <summary>Where an inbound event came from, given to its handler with the event.</summary>
public sealed class InboundEventContext
{
    /// <summary>Creates the context (the endpoints and the watcher do; tests of a handler may too).</summary>
    /// <param name="source">The vendor, one of <see cref="InboundSources"/>.</param>
    /// <param name="eventName">The event's name as the vendor sent it.</param>
    /// <param name="deliveryKey">The key that identifies the delivery across retries.</param>
    /// <param name="endpointName">The endpoint's or watcher's name.</param>
    /// <param name="receivedAt">When the delivery arrived.</param>
    /// <param name="services">The services of this delivery's scope.</param>
    public InboundEventContext(string source, string eventName, string deliveryKey, string endpointName, DateTimeOffset receivedAt, IServiceProvider services)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(eventName);
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        ArgumentNullException.ThrowIfNull(endpointName);
        ArgumentNullException.ThrowIfNull(services);
        Source = source;
        EventName = eventName;
        DeliveryKey = deliveryKey;
        EndpointName = endpointName;
        ReceivedAt = receivedAt;
        Services = services;
    }

    /// <summary>The vendor the event came from, one of <see cref="InboundSources"/>.</summary>
    public string Source { get; }

    /// <summary>The event's name as the vendor sent it, e.g. <c>human_handoff_required</c> or <c>contact.created</c>.</summary>
    public string EventName { get; }

    /// <summary>
    /// The key that identifies the delivery across the vendor's retries: the event's id where the vendor sends one
    /// (AssistLoop, Zipchat messages), else a SHA-256 of the body (Chatting, Vertext).
    /// </summary>
    public string DeliveryKey { get; }

    /// <summary>The endpoint's name (its route pattern unless named) or the watcher's name: tells several accounts apart.</summary>
    public string EndpointName { get; }

    /// <summary>When the delivery arrived, by the app's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>The services of this delivery's scope (the request's, or one scope per message for the watcher).</summary>
    public IServiceProvider Services { get; }

    /// <summary>For diagnostics.</summary>
    /// <returns>E.g. <c>assistloop human_handoff_required (assistloop:id:evt_1) at /hooks/assistloop/{token}</c>.</returns>
    public override string ToString() => $"{Source} {EventName} ({DeliveryKey}) at {EndpointName}";
}
