using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApis.AspNetCore.Tests.Support;

/// <summary>
/// A real ASP.NET Core app on Kestrel, on a loopback port the OS picks (read back from the server's address
/// feature once listening), with the inbound services, a handler log and a log capture.
/// </summary>
public sealed class InboundApp : IAsyncDisposable
{
    public const string Token = "tok_0123456789abcdefghijklmnopqrstuv";

    private readonly WebApplication _app;

    private InboundApp(WebApplication app, Uri baseAddress, LogCapture logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => _app.Services;

    public Uri Url(string relative) => new(BaseAddress, relative.TrimStart('/'));

    public static async Task<InboundApp> StartAsync(Action<InboundEventsBuilder> register, Action<WebApplication> map, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "ChatApis.AspNetCore.Tests" });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddRoutingCore();
        var logs = new LogCapture();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        register(builder.Services.AddChatApisInboundEvents());
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseRouting();
        map(app);
        app.UseEndpoints(_ => { });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new InboundApp(app, new Uri(address.TrimEnd('/') + "/"), logs);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
