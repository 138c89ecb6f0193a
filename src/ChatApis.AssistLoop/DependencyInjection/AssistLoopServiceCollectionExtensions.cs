using ChatApis.AssistLoop;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="AssistLoopClient"/> with dependency injection: one client per connected
/// account (the default one, or named ones), each with its own token manager (built with the client by
/// <see cref="AssistLoopVendor"/>, so refreshes are single-flight per account) and its own rate-limit budgets.
/// Options are validated at start-up.
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
    public static IHttpClientBuilder AddAssistLoopClient(this IServiceCollection services, string name, Action<AssistLoopClientOptions> configure) =>
        services.AddChatApiClient(name, AssistLoopVendor.Instance, configure);

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
}
