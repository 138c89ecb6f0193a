using System.Diagnostics.CodeAnalysis;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Vendors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApis.DependencyInjection;

/// <summary>
/// The registration every vendor's <c>AddXxxClient</c> is built on: named options validated at start-up, a
/// named handler chain (the connection pool and any handlers the application adds), one rate-limit gate per
/// client (per connected account), and the client itself as a singleton keyed by name, built by the vendor's
/// <see cref="ChatApiVendor{TClient, TOptions}"/> exactly as a standalone client is.
/// </summary>
public static class ChatApiServiceCollectionExtensions
{
    /// <summary>Registers one named client of a vendor.</summary>
    /// <typeparam name="TClient">The vendor's client type.</typeparam>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (one per account); <c>""</c> registers the default client, injectable without a key.</param>
    /// <param name="vendor">The vendor's descriptor.</param>
    /// <param name="configure">Configures the client's options.</param>
    /// <returns>The HttpClient builder of the client's handler chain, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddChatApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        string name,
        ChatApiVendor<TClient, TOptions> vendor,
        Action<TOptions> configure)
        where TClient : ChatApiClient
        where TOptions : ChatApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(configure);

        var httpClientName = HttpClientName(vendor.Profile, name);
        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ChatApiOptionsValidator<TOptions>>());
        services.AddKeyedSingleton(httpClientName, new ChatApiClientRegistration((s, configureMore) =>
            s.AddOptions<TOptions>(name).Configure<IServiceProvider>((options, provider) => configureMore(options, provider))));

        services.AddKeyedSingleton(httpClientName, (sp, _) => new RateLimitGate(
            vendor.Profile.RateLimits,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            OptionsOf<TOptions>(sp, name).SharedRateLimiter,
            sp.GetService<ILoggerFactory>()?.CreateLogger($"ChatApis.{vendor.Profile.Name}")));

        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ChatApiHttp.CreatePrimaryHandler(OptionsOf<TOptions>(sp, name).MaxConnectionsPerServer))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.AddKeyedSingleton(name, (sp, _) => vendor.CreateRegisteredClient(
            name,
            OptionsOf<TOptions>(sp, name),
            sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(httpClientName),
            sp.GetRequiredKeyedService<RateLimitGate>(httpClientName),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>(),
            sp));

        if (name.Length == 0)
        {
            services.TryAddSingleton(sp => sp.GetRequiredKeyedService<TClient>(name));
        }

        return builder;
    }

    /// <summary>The name of the HttpClient behind a vendor's named client.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="name">The client name.</param>
    /// <returns>The HttpClient name.</returns>
    public static string HttpClientName(VendorProfile vendor, string name)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? $"ChatApis.{vendor.Name}" : $"ChatApis.{vendor.Name}.{name}";
    }

    private static TOptions OptionsOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services, string name)
        where TOptions : ChatApiClientOptions =>
        services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
}
