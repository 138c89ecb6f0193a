using ChatApis.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.DependencyInjection;

/// <summary>
/// What <see cref="ChatApiServiceCollectionExtensions.AddChatApiClient{TClient, TOptions}"/> leaves behind, keyed by
/// the HttpClient name, so an extension on the returned <see cref="IHttpClientBuilder"/> (which knows only that name)
/// can configure the client's options without knowing their vendor type.
/// </summary>
internal sealed class ChatApiClientRegistration(Action<IServiceCollection, Action<ChatApiClientOptions, IServiceProvider>> addConfiguration)
{
    /// <summary>Adds an options configuration, run after the ones registered before it.</summary>
    public void Configure(IServiceCollection services, Action<ChatApiClientOptions, IServiceProvider> configure) => addConfiguration(services, configure);
}
