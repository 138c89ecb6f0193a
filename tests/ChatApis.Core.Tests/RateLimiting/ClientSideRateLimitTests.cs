using ChatApis.Core.Tests.Support;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatApis.Core.Tests.RateLimiting;

/// <summary>
/// A burst of 500 calls against a server that enforces the same 60-per-minute budget. Client and server
/// share a manual clock that moves only while no request is in flight, so the minutes pass in
/// milliseconds and a request arrives at the server at the very instant its permit was granted.
/// </summary>
public class ClientSideRateLimitTests : IAsyncLifetime
{
    private const int Limit = 60;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ManualTimeProvider _clock = new();
    private readonly LimitedSimulator _sim;

    public ClientSideRateLimitTests() => _sim = new LimitedSimulator(_clock);

    public async ValueTask InitializeAsync() => await _sim.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_burst_of_500_queues_within_the_budget_with_no_429_and_at_most_10_percent_over_the_minimum_time()
    {
        const int calls = 500;
        using var gate = new RateLimitGate([new RateLimitBudget(RateLimitBudget.General, Limit, Window)], _clock);
        var inFlight = new InFlightCounter();
        var vendor = new VendorProfile { Name = "Test", DefaultBaseAddress = new Uri("https://api.example.invalid/") };
        var options = new ChatApiClientOptions { BaseAddress = new Uri(_sim.BaseAddress, "v1/"), MaxRetries = 0 };
        var pipeline = new ChatApiPipeline(ChatApiHttp.CreateHandler(inFlight), vendor, options, gate, _clock);
        var start = _clock.GetUtcNow();
        var finished = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();
        var completed = 0;

        var tasks = Enumerable.Range(0, calls).Select(async _ =>
        {
            await pipeline.PingAsync(TestContext.Current.CancellationToken);
            finished.Add(_clock.GetUtcNow());
            Interlocked.Increment(ref completed);
        }).ToList();

        var limiter = gate.Limiters[RateLimitBudget.General];
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Volatile.Read(ref completed) < calls)
        {
            // A failed call fails the test now: the calls queued behind it would wait for a clock that no
            // longer moves.
            if (tasks.FirstOrDefault(t => t.IsFaulted || t.IsCanceled) is { } failed)
            {
                await failed;
            }

            // Quiet: nothing on the wire and every unfinished call is queued at the limiter.
            var queued = limiter.GetStatistics()!.CurrentQueuedCount;
            if (inFlight.Count == 0 && queued > 0 && queued == calls - Volatile.Read(ref completed))
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
            }

            Assert.False(guard.IsCancellationRequested, $"the burst did not finish in time: {Volatile.Read(ref completed)} of {calls} done, {queued} queued, {inFlight.Count} in flight");
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(tasks).WaitAsync(guard.Token);
        var elapsed = finished.Max() - start;
        var minimum = Window * ((calls + Limit - 1) / Limit - 1);

        Assert.Equal(0, _sim.Rejected);
        Assert.Equal(calls, _sim.Served);
        Assert.True(elapsed >= minimum, $"{elapsed} is faster than the budget allows ({minimum})");
        Assert.True(elapsed <= minimum * 1.1, $"{elapsed} is more than 10% over the minimum {minimum}");
    }

    private sealed class InFlightCounter : DelegatingHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    private sealed class LimitedSimulator(TimeProvider clock) : SimulatorHost(new SimulatorHostOptions { TimeProvider = clock })
    {
        private readonly SimulatorRateLimiter _limiter = new(Limit, Window, clock);
        private int _rejected;
        private int _served;

        public int Rejected => Volatile.Read(ref _rejected);

        public int Served => Volatile.Read(ref _served);

        protected override void MapRoutes(IEndpointRouteBuilder routes) => routes.MapGet("/v1/ping", (HttpContext http) =>
        {
            var decision = _limiter.TryAcquire("account");
            _limiter.WriteHeaders(http.Response, decision);
            if (!decision.Allowed)
            {
                Interlocked.Increment(ref _rejected);
                return Results.StatusCode(429);
            }

            Interlocked.Increment(ref _served);
            return Results.NoContent();
        });
    }
}
