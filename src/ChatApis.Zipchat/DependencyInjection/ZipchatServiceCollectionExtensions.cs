using ChatApis.DependencyInjection;
using ChatApis.Zipchat;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ZipchatClient"/> with dependency injection.</summary>
public static class ZipchatServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ZipchatClient"/> (inject it directly). The options are validated at start-up.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key, chat id and settings (e.g. a base address override).</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddZipchatClient(this IServiceCollection services, Action<ZipchatClientOptions> configure) =>
        services.AddZipchatClient(string.Empty, configure);

    /// <summary>Registers the default <see cref="ZipchatClient"/> from a configuration section (e.g. <c>ChatApis:Zipchat</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <c>ApiKey</c>, <c>ChatId</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddZipchatClient(this IServiceCollection services, IConfiguration section) =>
        services.AddZipchatClient(string.Empty, section);

    /// <summary>
    /// Registers a named <see cref="ZipchatClient"/> (one per chat); resolve it with
    /// <c>GetRequiredKeyedService&lt;ZipchatClient&gt;(name)</c>. Each named client has its own
    /// client-side rate limiter, sized for one integration: two names sharing one API key share the
    /// server's budget but not the limiter.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the API key, chat id and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddZipchatClient(this IServiceCollection services, string name, Action<ZipchatClientOptions> configure) =>
        services.AddChatApiClient(name, ZipchatVendor.Instance, configure);

    /// <summary>Registers a named <see cref="ZipchatClient"/> from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="section">The section holding <c>ApiKey</c>, <c>ChatId</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddZipchatClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddZipchatClient(name, options => section.Bind(options));
    }
}
