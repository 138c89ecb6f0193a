using ChatApis.Chatting;
using ChatApis.DependencyInjection;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ChattingClient"/> with dependency injection.</summary>
public static class ChattingServiceCollectionExtensions
{
    /// <summary>Registers the default <see cref="ChattingClient"/> (inject it directly).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the API key and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddChattingClient(this IServiceCollection services, Action<ChattingClientOptions> configure) =>
        services.AddChattingClient(string.Empty, configure);

    /// <summary>Registers the default <see cref="ChattingClient"/> from a configuration section (e.g. <c>ChatApis:Chatting</c>).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddChattingClient(this IServiceCollection services, IConfiguration section) =>
        services.AddChattingClient(string.Empty, section);

    /// <summary>Registers a named <see cref="ChattingClient"/> (one per workspace); resolve it with <c>GetRequiredKeyedService&lt;ChattingClient&gt;(name)</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the API key and settings.</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddChattingClient(this IServiceCollection services, string name, Action<ChattingClientOptions> configure) =>
        services.AddChatApiClient(name, ChattingVendor.Instance, configure);

    /// <summary>Registers a named <see cref="ChattingClient"/> from a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="section">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, ...</param>
    /// <returns>The HttpClient builder of the client.</returns>
    public static IHttpClientBuilder AddChattingClient(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddChattingClient(name, options => section.Bind(options));
    }
}
