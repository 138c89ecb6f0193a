using ChatApis.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.DependencyInjection;

/// <summary>Configures a ChatApis client from the <see cref="IHttpClientBuilder"/> its <c>AddXxxClient</c> returned.</summary>
public static class ChatApiHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds a configuration of the client's options that can use the container's services, run after the options
    /// callback of <c>AddXxxClient</c>: the building block of one-line extensions such as ChatApis.Redis's
    /// <c>services.AddZipchatClient(...).UseRedis("zipchat-support")</c>.
    /// </summary>
    /// <param name="builder">The builder a ChatApis <c>AddXxxClient</c> returned.</param>
    /// <param name="configure">Configures the options (of the vendor's options type) with the container at hand.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> was not returned by a ChatApis <c>AddXxxClient</c>.</exception>
    public static IHttpClientBuilder ConfigureChatApiOptions(this IHttpClientBuilder builder, Action<ChatApiClientOptions, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var registration = builder.Services.LastOrDefault(d => d.IsKeyedService && d.ServiceType == typeof(ChatApiClientRegistration) && Equals(d.ServiceKey, builder.Name))?.KeyedImplementationInstance as ChatApiClientRegistration
            ?? throw new InvalidOperationException($"The HttpClient '{builder.Name}' is not a ChatApis client: call this on what services.AddXxxClient(...) returned.");
        registration.Configure(builder.Services, configure);
        return builder;
    }
}
