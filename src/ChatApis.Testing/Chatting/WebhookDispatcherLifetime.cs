using ChatApis.Testing.Webhooks;
using Microsoft.Extensions.Hosting;

namespace ChatApis.Testing.Chatting;

// Ties the simulator's dispatcher (and its HttpClient) to the server's lifetime: the host disposes it on stop.
internal sealed class WebhookDispatcherLifetime(WebhookDispatcher dispatcher) : IHostedService, IDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => dispatcher.Dispose();
}
