using System.Diagnostics.CodeAnalysis;
using ChatApis.Http;
using ChatApis.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApis.DependencyInjection;

/// <summary>
/// The registration every vendor's <c>AddXxxClient</c> is built on: named options validated at
/// start-up, a named HttpClient with the handlers in one right order, one rate-limit gate per client
/// (per connected account), and the client itself as a singleton keyed by name.
/// </summary>
public static class ChatApiServiceCollectionExtensions
{
    /// <summary>Registers one named client of a vendor.</summary>
    /// <typeparam name="TClient">The vendor's client type.</typeparam>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name (one per account); <c>""</c> registers the default client, injectable without a key.</param>
    /// <param name="vendor">The vendor's profile.</param>
    /// <param name="configure">Configures the client's options.</param>
    /// <param name="createAuthHandler">Creates the client's authentication handler from its options (called per handler chain, so it must not capture per-call state).</param>
    /// <param name="createClient">Creates the client from its pipeline.</param>
    /// <returns>The HttpClient builder, to add handlers or change the primary handler.</returns>
    public static IHttpClientBuilder AddChatApiClient<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        this IServiceCollection services,
        string name,
        VendorProfile vendor,
        Action<TOptions> configure,
        Func<IServiceProvider, string, TOptions, DelegatingHandler> createAuthHandler,
        Func<ChatApiClientContext<TOptions>, TClient> createClient)
        where TClient : class
        where TOptions : ChatApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(createAuthHandler);
        ArgumentNullException.ThrowIfNull(createClient);

        var httpClientName = HttpClientName(vendor, name);
        services.AddOptions<TOptions>(name).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, ChatApiOptionsValidator<TOptions>>());

        services.AddKeyedSingleton(httpClientName, (sp, _) =>
            new RateLimitGate(vendor.RateLimits, sp.GetService<TimeProvider>() ?? TimeProvider.System));

        var builder = services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ChatApiHttp.CreatePrimaryHandler(OptionsOf<TOptions>(sp, name).MaxConnectionsPerServer))
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler(sp => createAuthHandler(sp, name, OptionsOf<TOptions>(sp, name)))
            .RemoveAllLoggers();

        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var options = OptionsOf<TOptions>(sp, name);
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName);
            var pipeline = new ChatApiPipeline(
                http,
                vendor,
                options,
                sp.GetRequiredKeyedService<RateLimitGate>(httpClientName),
                sp.GetService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger($"ChatApis.{vendor.Name}"));
            return createClient(new ChatApiClientContext<TOptions>(sp, name, options, pipeline));
        });

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
        return name.Length == 0 ? $"ChatApis.{vendor.Name}" : $"ChatApis.{vendor.Name}.{name}";
    }

    private static TOptions OptionsOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(IServiceProvider services, string name)
        where TOptions : ChatApiClientOptions =>
        services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
}
