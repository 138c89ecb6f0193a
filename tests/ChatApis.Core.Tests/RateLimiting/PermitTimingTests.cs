using System.Globalization;
using System.Net;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.RateLimiting;

/// <summary>
/// When a permit counts, through a whole call: the server counts a request when it ARRIVES (some time after the
/// grant, before the response), so a permit counts while its request is in flight and for a window from its
/// response; and what the server says it has left, when someone else used the budget, holds the gate until the
/// server's reset. The transport here is a stub that moves the manual clock as a slow network would.
/// </summary>
public class PermitTimingTests
{
    private static readonly DateTimeOffset ServerClock = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_slow_request_s_permit_counts_a_window_from_its_response_not_from_its_grant()
    {
        var server = new StubServer(_clock, inFlight: TimeSpan.FromSeconds(20));
        using var pipeline = Pipeline(server, new RateLimitBudget(RateLimitBudget.General, 1, TimeSpan.FromMinutes(1)));
        await pipeline.PingAsync(Ct); // granted at 0 s, answered at 20 s

        // Not at 60 s after the grant (40 s on), but at 80 s: a window after the response.
        await SentExactlyAfterAsync(pipeline.PingAsync(Ct), server, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_request_that_got_no_response_counts_a_window_from_its_failure()
    {
        var server = new StubServer(_clock, inFlight: TimeSpan.FromSeconds(20)) { Fail = true };
        using var pipeline = Pipeline(server, new RateLimitBudget(RateLimitBudget.General, 1, TimeSpan.FromMinutes(1)));
        await Assert.ThrowsAsync<ChatApiTransportException>(() => pipeline.PingAsync(Ct));

        server.Fail = false;
        await SentExactlyAfterAsync(pipeline.PingAsync(Ct), server, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_server_that_has_none_left_holds_the_next_call_until_its_reset_read_against_its_own_Date()
    {
        // The server's clock is five years ahead of ours: its Reset means "20 s after my Date", not a moment on our clock.
        var server = new StubServer(_clock, inFlight: TimeSpan.Zero)
        {
            Headers = now => new()
            {
                ["Date"] = ServerClock.ToString("r", CultureInfo.InvariantCulture),
                ["X-RateLimit-Limit"] = "10",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset"] = (ServerClock.ToUnixTimeSeconds() + 20).ToString(CultureInfo.InvariantCulture),
            },
        };
        using var pipeline = Pipeline(server, new RateLimitBudget(RateLimitBudget.General, 10, TimeSpan.FromMinutes(1)));
        await pipeline.PingAsync(Ct); // one of ours in the window, none left: nine were someone else's

        await SentExactlyAfterAsync(pipeline.PingAsync(Ct), server, TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Without_a_Date_the_reset_is_read_on_this_process_s_clock_and_a_consistent_count_changes_nothing()
    {
        var remaining = 0;
        var server = new StubServer(_clock, inFlight: TimeSpan.Zero)
        {
            Headers = now => new()
            {
                ["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture),
                ["X-RateLimit-Reset"] = (now.ToUnixTimeSeconds() + 30).ToString(CultureInfo.InvariantCulture),
            },
        };
        using var pipeline = Pipeline(server, new RateLimitBudget(RateLimitBudget.General, 3, TimeSpan.FromMinutes(1)));

        // Two left after one of ours out of three: nothing new, the next call goes at once.
        remaining = 2;
        await pipeline.PingAsync(Ct);

        // ... but none left after two of ours: someone else took one. Our own count would let a third go at once;
        // it waits for the server's reset (30 s), not for our first permit to leave the window (60 s).
        remaining = 0;
        await pipeline.PingAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await SentExactlyAfterAsync(pipeline.PingAsync(Ct), server, TimeSpan.FromSeconds(30));
    }

    // The call is sent exactly `after` from now on the manual clock: not a millisecond sooner.
    private async Task SentExactlyAfterAsync(Task call, StubServer server, TimeSpan after)
    {
        var before = server.Requests;
        _clock.Advance(after - TimeSpan.FromMilliseconds(1));
        Assert.Equal(before, server.Requests);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await call.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(before + 1, server.Requests);
    }

    private ChatApiPipeline Pipeline(StubServer server, params RateLimitBudget[] budgets)
    {
        var profile = TestVendor.Profile(budgets);
        return new ChatApiPipeline(server, profile, new ChatApiClientOptions { MaxRetries = 0 }, null, _clock);
    }

    // The network and the server in one: each request takes `inFlight` on the manual clock before its answer.
    private sealed class StubServer(ManualTimeProvider clock, TimeSpan inFlight) : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        public bool Fail { get; set; }

        public Func<DateTimeOffset, Dictionary<string, string>>? Headers { get; init; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            clock.Advance(inFlight);
            if (Fail)
            {
                throw new HttpRequestException("connection reset", new IOException("reset"));
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}"), RequestMessage = request };
            foreach (var (name, value) in Headers?.Invoke(clock.GetUtcNow()) ?? [])
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return Task.FromResult(response);
        }
    }
}
