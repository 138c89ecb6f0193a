using System.Diagnostics.CodeAnalysis;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatApis.AspNetCore;

/// <summary>Registers inbound event handlers, the claim store and Zipchat watchers (from <c>services.AddChatApisInboundEvents()</c>).</summary>
public sealed class InboundEventsBuilder
{
    internal InboundEventsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers the handler of <typeparamref name="TEvent"/> (scoped: one per delivery); a later registration replaces an earlier one.</summary>
    /// <typeparam name="TEvent">The event type, e.g. <c>AssistLoopHumanHandoffRequiredEvent</c>.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <returns>This builder.</returns>
    public InboundEventsBuilder AddHandler<TEvent, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : class, IInboundEventHandler<TEvent>
    {
        Services.Replace(ServiceDescriptor.Scoped<IInboundEventHandler<TEvent>, THandler>());
        return this;
    }

    /// <summary>Registers a lambda as the handler of <typeparamref name="TEvent"/>; a later registration replaces an earlier one.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="handle">The handler: the event, its context (with the delivery's services) and a cancellation token.</param>
    /// <returns>This builder.</returns>
    public InboundEventsBuilder AddHandler<TEvent>(Func<TEvent, InboundEventContext, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        Services.Replace(ServiceDescriptor.Singleton<IInboundEventHandler<TEvent>>(new DelegateInboundEventHandler<TEvent>(handle)));
        return this;
    }

    /// <summary>Replaces the in-memory claim store, e.g. with one shared by every instance of the app.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public InboundEventsBuilder UseClaimStore(IDeliveryClaimStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Services.Replace(ServiceDescriptor.Singleton(store));
        return this;
    }

    /// <summary>
    /// Runs a Zipchat watcher as a hosted service: new messages of the chat reach
    /// <c>IInboundEventHandler&lt;ZipchatNewMessage&gt;</c>, once each, and the cursor is saved after each one (to
    /// the registered <see cref="IZipchatWatchCursorStore"/>; in memory by default). Register the
    /// <see cref="ZipchatClient"/> (<c>services.AddZipchatClient(...)</c>) too; one watcher per client name.
    /// </summary>
    /// <param name="configure">Which client, where to start, the polling settings and the handler retries.</param>
    /// <returns>This builder.</returns>
    public InboundEventsBuilder AddZipchatWatcher(Action<ZipchatWatcherOptions>? configure = null)
    {
        var options = new ZipchatWatcherOptions();
        configure?.Invoke(options);
        options.EnsureValid();
        Services.TryAddSingleton<IZipchatWatchCursorStore, InMemoryZipchatWatchCursorStore>();
        Services.AddSingleton<IHostedService>(provider =>
        {
            var client = options.ClientName is { } name ? provider.GetRequiredKeyedService<ZipchatClient>(name) : provider.GetRequiredService<ZipchatClient>();
            return new ZipchatWatcherService(
                client,
                options,
                provider.GetRequiredService<IZipchatWatchCursorStore>(),
                provider.GetRequiredService<IDeliveryClaimStore>(),
                provider.GetRequiredService<IOptions<InboundEventOptions>>().Value,
                provider.GetRequiredService<IServiceScopeFactory>(),
                provider.GetService<TimeProvider>() ?? TimeProvider.System,
                provider.GetService<ILoggerFactory>()?.CreateLogger("ChatApis.AspNetCore") ?? NullLogger.Instance);
        });
        return this;
    }
}
