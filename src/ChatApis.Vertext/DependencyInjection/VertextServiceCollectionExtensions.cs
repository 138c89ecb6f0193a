using ChatApis.DependencyInjection;
using ChatApis.Vertext;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="VertextClient"/> with dependency injection.</summary>
public static class VertextServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="VertextClient"/> (inject it directly).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the access token and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddVertextClient(this IServiceCollection services, Action<VertextClientOptions> configure) =>
        services.AddVertextClient(string.Empty, configure);

    /// <summary>Registers the default <see cref="VertextClient"/> from a configuration section (e.g. <c>ChatApis:Vertext</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <c>AccessToken</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddVertextClient(this IServiceCollection services, IConfiguration section) =>
        services.AddVertextClient(string.Empty, section);

    /// <summary>Registers a named <see cref="VertextClient"/> (one per account); resolve it with <c>GetRequiredKeyedService&lt;VertextClient&gt;(name)</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the access token and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddVertextClient(this IServiceCollection services, string name, Action<VertextClientOptions> configure) =>
        services.AddChatApiClient(name, VertextVendor.Instance, configure);

    /// <summary>Registers a named <see cref="VertextClient"/> from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="section">The section holding <c>AccessToken</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddVertextClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddVertextClient(name, options => section.Bind(options));
    }
}
