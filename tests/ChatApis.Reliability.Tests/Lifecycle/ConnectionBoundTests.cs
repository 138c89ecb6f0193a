using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Vertext;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApis.Reliability.Tests.Lifecycle;

/// <summary>
/// Many parallel calls on one client share a bounded set of connections (16 by default, or the client's
/// <see cref="ChatApiClientOptions.MaxConnectionsPerServer"/>): before the bound, 1,000 calls opened over
/// 500. The server holds each request until as many are waiting as the bound allows, so the client is
/// always under full pressure, and counts the TCP connections it accepted.
/// </summary>
public class ConnectionBoundTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_standalone_client_opens_at_most_16_connections_by_default()
    {
        await using var server = new PressureServer(calls: 300, bound: ChatApiHttp.DefaultMaxConnectionsPerServer);
        using var client = new VertextClient(new VertextClientOptions { AccessToken = "vt-connections", BaseAddress = server.BaseAddress });

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => client.GetChatbotsPageAsync(cancellationToken: Ct))).WaitAsync(HangGuard, Ct);

        Assert.All(results, r => Assert.Empty(r.Value));
        Assert.Equal(300, server.Requests);
        Assert.InRange(server.AcceptedConnections, 1, 16);
        Assert.Equal(16, server.MostHeldAtOnce);
        Counts.Add("lifecycle: parallel calls over bounded connections", 300);
    }

    [Fact]
    public async Task A_client_from_dependency_injection_honours_its_own_bound()
    {
        await using var server = new PressureServer(calls: 100, bound: 4);
        var services = new ServiceCollection();
        services.AddVertextClient(o =>
        {
            o.AccessToken = "vt-connections";
            o.BaseAddress = server.BaseAddress;
            o.MaxConnectionsPerServer = 4;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VertextClient>();

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetChatbotsPageAsync(cancellationToken: Ct))).WaitAsync(HangGuard, Ct);

        Assert.Equal(100, server.Requests);
        Assert.InRange(server.AcceptedConnections, 1, 4);
        Assert.Equal(4, server.MostHeldAtOnce);
        Counts.Add("lifecycle: parallel calls over bounded connections", 100);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1025)]
    public void The_bound_is_checked_with_the_other_options(int bound)
    {
        var options = new VertextClientOptions { AccessToken = "vt-connections", MaxConnectionsPerServer = bound };

        var error = Assert.Throws<ArgumentException>(() => new VertextClient(options));
        Assert.Contains($"MaxConnectionsPerServer must be between 1 and 1024 (was {bound})", error.Message, StringComparison.Ordinal);

        var services = new ServiceCollection();
        services.AddVertextClient(o =>
        {
            o.AccessToken = "vt-connections";
            o.MaxConnectionsPerServer = bound;
        });
        using var provider = services.BuildServiceProvider();
        var startup = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<VertextClient>());
        Assert.Contains("MaxConnectionsPerServer", startup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_is_16_and_reaches_the_primary_handler()
    {
        Assert.Equal(16, new VertextClientOptions().MaxConnectionsPerServer);
        using var handler = ChatApiHttp.CreatePrimaryHandler();
        Assert.Equal(16, handler.MaxConnectionsPerServer);
        using var bounded = ChatApiHttp.CreatePrimaryHandler(3);
        Assert.Equal(3, bounded.MaxConnectionsPerServer);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChatApiHttp.CreatePrimaryHandler(0));
    }

    // Holds requests until min(bound, calls not yet answered) are waiting, then answers them all: a client
    // that keeps to the bound is never starved, and one that does not shows it in the connection count.
    private sealed class PressureServer : IAsyncDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<TaskCompletionSource> _waiting = [];
        private readonly LoopbackHttpServer _server;
        private int _released;

        public PressureServer(int calls, int bound)
        {
            _server = new LoopbackHttpServer(async (_, ct) =>
            {
                var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                lock (_gate)
                {
                    _waiting.Add(mine);
                    MostHeldAtOnce = Math.Max(MostHeldAtOnce, _waiting.Count);
                    if (_waiting.Count >= Math.Min(bound, calls - _released))
                    {
                        _released += _waiting.Count;
                        _waiting.ForEach(w => w.TrySetResult());
                        _waiting.Clear();
                    }
                }

                await mine.Task.WaitAsync(ct);
                return (200, "[]");
            });
        }

        public Uri BaseAddress => _server.BaseAddress;

        public int AcceptedConnections => _server.AcceptedConnections;

        public int Requests => _server.Requests.Count;

        public int MostHeldAtOnce { get; private set; }

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
