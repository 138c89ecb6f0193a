using System.Reflection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.RateLimits;

/// <summary>
/// A burst of 500 calls against each documented budget (AssistLoop: 60/min per account on both
/// surfaces; Zipchat: 120/60 s). Chatting and Vertext document no budget: nothing to test there.
/// Client and simulator share a manual clock that moves only while nothing is in flight and every
/// unfinished call is queued at the client's limiter, so the minutes pass in seconds.
/// </summary>
public class BurstTests
{
    private const int Calls = 500;

    public static TheoryData<string, int, int> Budgets => new()
    {
        { Surfaces.AssistLoopZapier.Name, 60, 60 },
        { Surfaces.AssistLoopMake.Name, 60, 60 },
        { Surfaces.Zipchat.Name, 120, 60 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task A_burst_of_500_meets_no_429_and_takes_at_most_10_percent_over_the_minimum(string surfaceName, int limit, int windowSeconds)
    {
        var ct = TestContext.Current.CancellationToken;
        Counts.Started("rate limits: burst calls", Calls);
        Counts.Started("rate limits: budgets tested");
        var surface = Surfaces.ByName(surfaceName);
        var clock = new ManualTimeProvider();
        await using var sim = surface.CreateSimulator(clock);
        await sim.StartAsync(ct);
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { Time = clock, MaxRetries = 0 });
        var start = clock.GetUtcNow();
        var finished = await RunBurstAsync(client, sim, clock, Calls, c => surface.Read.Invoke(c, ct));
        var window = TimeSpan.FromSeconds(windowSeconds);
        var elapsed = finished.Max() - start;
        var minimum = window * ((Calls + limit - 1) / limit - 1);
        Assert.Equal(Calls, sim.Journal.Count);
        Assert.Equal(Calls, sim.Journal.Where(surface.Read.Method, surface.Read.Path).Count);
        Assert.True(elapsed >= minimum, $"{elapsed} is faster than the budget allows ({minimum})");
        Assert.True(elapsed <= minimum * 1.1, $"{elapsed} is more than 10% over the minimum {minimum}");
        Counts.Add("rate limits: burst calls", Calls);
        Counts.Add("rate limits: budgets tested");
    }

    /// <summary>How long a burst may take in real time before it fails as a hang (500 calls take a few seconds).</summary>
    internal static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Starts <paramref name="calls"/> calls at once and moves the shared clock one second whenever the
    /// client is quiet: every unfinished call queued at its limiter and none on the wire. Fails as soon as a
    /// call fails (the calls queued behind it would wait for a clock that nothing moves any more), and fails
    /// after <see cref="Deadline"/> of real time if the burst stops making progress, so a regression is a
    /// red test, never a hang.
    /// </summary>
    internal static async Task<DateTimeOffset[]> RunBurstAsync(ChatApiClient client, SimulatorHost sim, ManualTimeProvider clock, int calls, Func<ChatApiClient, Task> call)
    {
        var limiter = GateOf(client).Limiters[RateLimitBudget.General];
        var finished = new System.Collections.Concurrent.ConcurrentBag<DateTimeOffset>();
        var completed = 0;
        var sent = OnTheWire(sim);
        var tasks = Enumerable.Range(0, calls).Select(async _ =>
        {
            await call(client);
            finished.Add(clock.GetUtcNow());
            Interlocked.Increment(ref completed);
        }).ToList();

        using var deadline = new CancellationTokenSource(Deadline);
        while (Volatile.Read(ref completed) < calls)
        {
            var done = Volatile.Read(ref completed);
            if (tasks.FirstOrDefault(t => t.IsFaulted || t.IsCanceled) is { } failed)
            {
                var error = failed.Exception?.InnerException ?? new OperationCanceledException("A call of the burst was cancelled.");
                throw new Xunit.Sdk.XunitException($"A call of the burst failed after {done} of {calls} had finished, at {clock.GetUtcNow():O} on the clock: {error}");
            }

            var queued = limiter.GetStatistics()!.CurrentQueuedCount;
            if (queued > 0 && queued == calls - done && OnTheWire(sim) - sent == done)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
            }

            if (deadline.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"The burst did not finish within {Deadline}: {done} of {calls} done, {queued} queued at the limiter, {OnTheWire(sim) - sent} sent.");
            }

            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(tasks).WaitAsync(deadline.Token);
        return [.. finished];
    }

    // API calls only: a token refresh goes around the limiter on its own connection.
    private static int OnTheWire(SimulatorHost sim) => sim.Journal.Requests.Count(r => r.Path != "/oauth/token");

    // The standalone client owns its limiter; the test needs its queue length to know when to move the clock.
    private static RateLimitGate GateOf(ChatApiClient client)
    {
        var pipeline = (ChatApiPipeline)typeof(ChatApiClient).GetProperty("Pipeline", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(client)!;
        return (RateLimitGate)typeof(ChatApiPipeline).GetField("_gate", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(pipeline)!;
    }
}
