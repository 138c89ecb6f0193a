using ChatApis.AssistLoop;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Reliability.Tests.Lifecycle;

/// <summary>
/// Disposing a client while calls are in flight and others wait at its client-side rate limiter: the
/// waiting calls end at once with ObjectDisposedException (they were never sent), without the clock moving
/// (before, they waited for the window, about 60 s); the calls in flight complete or fail typed. The
/// client's clock is manual and never advanced, so nothing here can end by a timer.
/// </summary>
public class DisposeTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disposing_a_zipchat_client_ends_its_queued_calls_at_once()
    {
        await using var server = new HeldServer("""{"user":{"id":501,"avatar_url":null}}""", expected: 16);
        var clock = new ManualTimeProvider();
        var client = new ZipchatClient(new ZipchatClientOptions { ApiKey = "zc-dispose-test", ChatId = 1, BaseAddress = server.BaseAddress, MaxRetries = 0 }, clock);

        // 120 calls take Zipchat's whole budget (120 per 60 s); 16 of them reach the server (the connection
        // bound) and are held there, the rest wait for a connection. Five more wait at the rate limiter.
        var inFlight = Enumerable.Range(0, 120).Select(_ => client.GetUserAsync(501, cancellationToken: Ct)).ToList();
        var queued = Enumerable.Range(0, 5).Select(_ => client.GetUserAsync(501, cancellationToken: Ct)).ToList();
        await server.Arrived.WaitAsync(HangGuard, Ct);
        Assert.All(queued, call => Assert.False(call.IsCompleted));

        client.Dispose();

        await AssertEndedByDisposalAsync(queued);
        Assert.Equal(ManualTimeProvider.DefaultStart, clock.GetUtcNow());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetUserAsync(501, cancellationToken: Ct).WaitAsync(HangGuard, Ct));

        server.Release();
        await AssertCompletedOrTypedAsync(inFlight, value => Assert.Equal(501, value.Value.Id));
        Assert.True(server.Requests <= 120, $"{server.Requests} requests reached the server");
        Counts.Add("lifecycle: calls queued at a disposed client's rate limiter", queued.Count);
    }

    [Fact]
    public async Task Disposing_an_assistloop_client_ends_calls_queued_on_an_endpoint_budget()
    {
        await using var server = new HeldServer("""{"status":"conversation_closed","platform":"zapier"}""", expected: 10);
        var clock = new ManualTimeProvider();
        var client = new AssistLoopClient(
            new AssistLoopClientOptions
            {
                BaseAddress = server.BaseAddress,
                ClientId = "client-id",
                ClientSecret = "client-secret-dispose",
                AccessToken = "access-token-dispose",
                MaxRetries = 0,
            },
            clock);

        // Closing has its own budget, 10 per minute: 10 closes are sent and held, 3 more wait for it while
        // holding a permit of the general budget (60 per minute).
        var inFlight = Enumerable.Range(0, 10).Select(i => client.CloseConversationAsync($"conv-{i}", cancellationToken: Ct)).ToList();
        var queued = Enumerable.Range(10, 3).Select(i => client.CloseConversationAsync($"conv-{i}", cancellationToken: Ct)).ToList();
        await server.Arrived.WaitAsync(HangGuard, Ct);
        Assert.All(queued, call => Assert.False(call.IsCompleted));

        client.Dispose();

        await AssertEndedByDisposalAsync(queued);
        Assert.Equal(ManualTimeProvider.DefaultStart, clock.GetUtcNow());

        server.Release();
        await AssertCompletedOrTypedAsync(inFlight, value => Assert.Equal("conversation_closed", value.Value.Status));
        Assert.Equal(10, server.Requests);
        Counts.Add("lifecycle: calls queued at a disposed client's rate limiter", queued.Count);
    }

    [Fact]
    public async Task Disposing_the_container_ends_the_queued_calls_of_its_clients()
    {
        await using var server = new HeldServer("""{"user":{"id":501,"avatar_url":null}}""", expected: 16);
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddZipchatClient(o =>
        {
            o.ApiKey = "zc-dispose-test";
            o.ChatId = 1;
            o.BaseAddress = server.BaseAddress;
            o.MaxRetries = 0;
        });
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ZipchatClient>();

        var inFlight = Enumerable.Range(0, 120).Select(_ => client.GetUserAsync(501, cancellationToken: Ct)).ToList();
        var queued = Enumerable.Range(0, 5).Select(_ => client.GetUserAsync(501, cancellationToken: Ct)).ToList();
        await server.Arrived.WaitAsync(HangGuard, Ct);
        Assert.All(queued, call => Assert.False(call.IsCompleted));

        await provider.DisposeAsync();

        await AssertEndedByDisposalAsync(queued);
        Assert.Equal(ManualTimeProvider.DefaultStart, clock.GetUtcNow());

        server.Release();
        await AssertCompletedOrTypedAsync(inFlight, value => Assert.Equal(501, value.Value.Id));
        Counts.Add("lifecycle: calls queued at a disposed client's rate limiter", queued.Count);
    }

    [Fact]
    public async Task A_client_without_rate_limiting_refuses_calls_after_dispose_and_disposing_twice_is_harmless()
    {
        await using var server = new HeldServer("""{"user":{"id":501,"avatar_url":null}}""", expected: 1);
        server.Release();
        var client = new ZipchatClient(new ZipchatClientOptions { ApiKey = "zc-dispose-test", ChatId = 1, BaseAddress = server.BaseAddress, EnableRateLimiting = false });
        Assert.Equal(501, (await client.GetUserAsync(501, cancellationToken: Ct).WaitAsync(HangGuard, Ct)).Value.Id);

        client.Dispose();
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetUserAsync(501, cancellationToken: Ct).WaitAsync(HangGuard, Ct));
        Assert.Equal(1, server.Requests);
    }

    private static async Task AssertEndedByDisposalAsync<T>(IReadOnlyList<Task<T>> queued)
    {
        foreach (var call in queued)
        {
            var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(HangGuard, Ct));
            Assert.Contains("disposed", error.Message, StringComparison.Ordinal);
            Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        }
    }

    // A call that was already sending ends as a success or a typed error, never anything else.
    private static async Task AssertCompletedOrTypedAsync<T>(IReadOnlyList<Task<T>> inFlight, Action<T> check)
    {
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in inFlight)
        {
            string outcome;
            try
            {
                check(await call.WaitAsync(HangGuard, Ct));
                outcome = "completed";
            }
            catch (Exception ex) when (ex is ChatApiException or ObjectDisposedException)
            {
                outcome = ex.GetType().Name;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(inFlight.Count, outcomes.Values.Sum());
        TestContext.Current.SendDiagnosticMessage("in-flight outcomes: " + string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}")));
    }

    // Holds every request until Release; Arrived completes when `expected` requests are held.
    private sealed class HeldServer : IAsyncDisposable
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly LoopbackHttpServer _server;
        private int _held;

        public HeldServer(string body, int expected)
        {
            _server = new LoopbackHttpServer(async (_, ct) =>
            {
                if (Interlocked.Increment(ref _held) == expected)
                {
                    _arrived.TrySetResult();
                }

                await _release.Task.WaitAsync(ct);
                return (200, body);
            });
        }

        public Uri BaseAddress => _server.BaseAddress;

        public Task Arrived => _arrived.Task;

        public int Requests => _server.Requests.Count;

        public void Release() => _release.TrySetResult();

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
