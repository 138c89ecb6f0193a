using ChatApis.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the inbound webhook endpoints and Zipchat watchers need.</summary>
public static class InboundEventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the inbound event services: the in-memory <see cref="IDeliveryClaimStore"/> (unless one is
    /// registered), the system <see cref="TimeProvider"/> (unless one is) and <see cref="InboundEventOptions"/>.
    /// Then add handlers on the returned builder and map the endpoints (<c>app.MapAssistLoopWebhooks(...)</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the deduplication window and claim lease.</param>
    /// <returns>The builder for handlers, the claim store and Zipchat watchers.</returns>
    public static InboundEventsBuilder AddChatApisInboundEvents(this IServiceCollection services, Action<InboundEventOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InboundEventOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeliveryClaimStore>(provider => new InMemoryDeliveryClaimStore(provider.GetRequiredService<TimeProvider>()));
        return new InboundEventsBuilder(services);
    }
}
