using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;
using ChatApis.Vertext;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApis.Reliability.Tests.Cancellation;

/// <summary>
/// A surface's client built the dependency-injection way, over the SDK's own primary handler with one
/// change a test makes to it (e.g. a connect callback): the only way to reach the socket's connect phase
/// from outside the SDK.
/// </summary>
public static class InjectedClients
{
    /// <summary>Builds the provider and resolves the surface's default client.</summary>
    /// <param name="surface">The surface.</param>
    /// <param name="baseAddress">The client's base address.</param>
    /// <param name="settings">Clock, retries and timeouts.</param>
    /// <param name="adjust">Changes the SDK's primary handler.</param>
    /// <returns>The provider (dispose it) and the client.</returns>
    public static (ServiceProvider Provider, ChatApiClient Client) Create(Surface surface, Uri baseAddress, ClientSettings settings, Action<SocketsHttpHandler> adjust)
    {
        var services = new ServiceCollection();
        services.AddSingleton(settings.Time);
        services.AddSingleton<ILoggerFactory>(SecretSink.LoggerFactory);
        var builder = surface switch
        {
            Surfaces.AssistLoopSurfaceDefinition assistLoop => services.AddAssistLoopClient(o =>
            {
                var defined = assistLoop.Options(baseAddress, settings);
                o.Surface = defined.Surface;
                o.BaseAddress = defined.BaseAddress;
                o.ClientId = defined.ClientId;
                o.ClientSecret = defined.ClientSecret;
                o.AccessToken = defined.AccessToken;
                o.RefreshToken = defined.RefreshToken;
                settings.ApplyTo(o);
            }),
            Surfaces.ZipchatSurface => services.AddZipchatClient(o =>
            {
                o.ApiKey = ZipchatSimulator.ApiKey;
                o.ChatId = ZipchatSimulator.ChatId;
                o.BaseAddress = baseAddress;
                settings.ApplyTo(o);
            }),
            Surfaces.ChattingSurface => services.AddChattingClient(o =>
            {
                o.ApiKey = ChattingSimulator.ApiKey;
                o.BaseAddress = baseAddress;
                settings.ApplyTo(o);
            }),
            _ => services.AddVertextClient(o =>
            {
                o.AccessToken = VertextSimulator.AccessToken;
                o.BaseAddress = baseAddress;
                settings.ApplyTo(o);
            }),
        };
        builder.ConfigurePrimaryHttpMessageHandler(() =>
        {
            var handler = ChatApiHttp.CreatePrimaryHandler();
            adjust(handler);
            return handler;
        });

        var provider = services.BuildServiceProvider();
        ChatApiClient client = surface switch
        {
            Surfaces.AssistLoopSurfaceDefinition => provider.GetRequiredService<AssistLoopClient>(),
            Surfaces.ZipchatSurface => provider.GetRequiredService<ZipchatClient>(),
            Surfaces.ChattingSurface => provider.GetRequiredService<ChattingClient>(),
            _ => provider.GetRequiredService<VertextClient>(),
        };
        return (provider, client);
    }
}
