using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.DependencyInjection;
using ChatApis.Vendors;
using ChatApis.Http;
using ChatApis.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="AssistLoopClient"/> with dependency injection: one client per connected
/// account (the default one, or named ones), each with its own token manager (a keyed singleton, so
/// refreshes are single-flight per account) and its own rate-limit budgets. Options are validated at start-up.
/// </summary>
public static class AssistLoopServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="AssistLoopClient"/> (inject it directly).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the surface, credentials and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddAssistLoopClient(this IServiceCollection services, Action<AssistLoopClientOptions> configure) =>
        services.AddAssistLoopClient(string.Empty, configure);

    /// <summary>Registers the default <see cref="AssistLoopClient"/> from a configuration section (e.g. <c>ChatApis:AssistLoop</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <c>Surface</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>AccessToken</c>, <c>RefreshToken</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddAssistLoopClient(this IServiceCollection services, IConfiguration section) =>
        services.AddAssistLoopClient(string.Empty, section);

    /// <summary>
    /// Registers a named <see cref="AssistLoopClient"/> (one per connected account); resolve it with
    /// <c>GetRequiredKeyedService&lt;AssistLoopClient&gt;(name)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the surface, credentials and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddAssistLoopClient(this IServiceCollection services, string name, Action<AssistLoopClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        var key = ChatApiServiceCollectionExtensions.HttpClientName(AssistLoopVendor.Profile, name);

        // One profile serves both surfaces in the container, so the Make default base is set here.
        services.AddOptions<AssistLoopClientOptions>(name).PostConfigure(options =>
        {
            if (options.BaseAddress is null && Enum.IsDefined(options.Surface))
            {
                options.BaseAddress = AssistLoopVendor.DefaultBaseAddress(options.Surface);
            }
        });

        // The token endpoint resolves its HttpClient only when first used (a refresh or an exchange),
        // by which time the handler chain that needs the token manager already exists: no cycle.
        services.AddKeyedSingleton(key, (sp, _) =>
        {
            var options = OptionsOf(sp, name);
            return new AssistLoopTokenEndpoint(options, () => new ChatApiPipeline(
                sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(key),
                AssistLoopVendor.Profile,
                options,
                RateLimitGate.Unlimited,
                sp.GetService<TimeProvider>(),
                LoggerOf(sp)));
        });
        services.AddKeyedSingleton(key, (sp, _) =>
        {
            var options = OptionsOf(sp, name);
            return new OAuthTokenManager(
                options.CreateTokenStore(),
                sp.GetRequiredKeyedService<AssistLoopTokenEndpoint>(key),
                AssistLoopVendor.Name,
                options.RefreshBeforeExpiry,
                sp.GetService<TimeProvider>(),
                LoggerOf(sp));
        });

        return services.AddChatApiClient<AssistLoopClient, AssistLoopClientOptions>(
            name,
            AssistLoopVendor.Profile,
            configure,
            (sp, _, _) => new OAuthHandler(sp.GetRequiredKeyedService<OAuthTokenManager>(key), AssistLoopVendor.Name, LoggerOf(sp)),
            context => new AssistLoopClient(
                context.Pipeline,
                context.Options,
                context.Services!.GetRequiredKeyedService<OAuthTokenManager>(key),
                context.Services!.GetRequiredKeyedService<AssistLoopTokenEndpoint>(key)));
    }

    /// <summary>Registers a named <see cref="AssistLoopClient"/> from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="section">The section holding <c>Surface</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>AccessToken</c>, <c>RefreshToken</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddAssistLoopClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddAssistLoopClient(name, options =>
        {
            BindShared(section, options);
            var settings = AssistLoopConfigurationSettings.From(options);
            section.Bind(settings);
            settings.ApplyTo(options);
        });
    }

    // Bound through the base type so the binder sees only the shared settings, never TokenStore.
    private static void BindShared(IConfiguration section, ChatApiClientOptions options) => section.Bind(options);

    private static AssistLoopClientOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<AssistLoopClientOptions>>().Get(name);

    private static ILogger? LoggerOf(IServiceProvider services) =>
        services.GetService<ILoggerFactory>()?.CreateLogger($"ChatApis.{AssistLoopVendor.Name}");
}
