using System.Text;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.Deadlines;

/// <summary>
/// The total deadline bounds the time a call takes, read on the client's own (manual) clock: with more
/// retries allowed than fit, a call against a server that never answers ends when the clock reaches
/// <see cref="Http.ChatApiClientOptions.TotalTimeout"/>, with a timeout error that says so; a server
/// whose Retry-After would carry a retry past the deadline gets no such retry.
/// </summary>
public class TotalDeadlineTests
{
    private const string Group = "deadlines: total deadline on the clock";

    public static TheoryData<string> EverySurface => [.. Surfaces.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Retries_against_a_silent_server_end_when_the_clock_reaches_the_total_deadline(string surfaceName)
    {
        // 10 s per attempt, 25 s in all, 10 retries allowed: attempts start at 0, ~10.2 and ~20.6 s (the
        // backoff is 200 ms, doubling, ±20%), and the third is cut by the total deadline at 25 s.
        var (error, elapsed, requests) = await RunSilentAsync(Surfaces.ByName(surfaceName), attemptTimeout: TimeSpan.FromSeconds(10), totalTimeout: TimeSpan.FromSeconds(25));

        var timeout = Assert.IsType<ChatApiTransportException>(error);
        Assert.True(timeout.IsTimeout);
        Assert.Contains("timed out after 3 attempt(s)", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(25), elapsed);
        Assert.Equal(3, requests);
        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task A_total_deadline_shorter_than_one_attempt_cuts_the_first_attempt(string surfaceName)
    {
        var (error, elapsed, requests) = await RunSilentAsync(Surfaces.ByName(surfaceName), attemptTimeout: TimeSpan.FromSeconds(60), totalTimeout: TimeSpan.FromSeconds(15));

        var timeout = Assert.IsType<ChatApiTransportException>(error);
        Assert.True(timeout.IsTimeout);
        Assert.Contains("timed out after 1 attempt(s)", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(15), elapsed);
        Assert.Equal(1, requests);
        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task A_retry_the_server_asks_to_delay_past_the_deadline_is_not_made(string surfaceName)
    {
        // Retry-After: 10 s, total 25 s: retries at 10 and 20 s fit; a third at 30 s would not, so the call
        // ends at 20 s with the server's own answer (a 503 that asked for 10 s), before the deadline.
        var surface = Surfaces.ByName(surfaceName);
        var body = Encoding.UTF8.GetBytes(surface.ErrorBody("unavailable", "busy"));
        await using var server = new RawHttpServer(async c =>
        {
            while (await c.ReadRequestAsync() is not null)
            {
                await c.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 10\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n").Concat(body).ToArray());
            }
        });
        // The 10 s waits pass by themselves; the deadline's own timer (15 s, set when the retries begin) does not.
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(10) };
        var total = TimeSpan.FromSeconds(25);
        using var client = surface.CreateClient(server.ApiBaseFor(surface), new ClientSettings { Time = clock, MaxRetries = 10, TotalTimeout = total });
        var start = clock.GetUtcNow();

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        var elapsed = clock.GetUtcNow() - start;
        var unavailable = Assert.IsType<ChatApiServerException>(error);
        Assert.Equal(503, (int?)unavailable.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), unavailable.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(20), elapsed);
        Assert.True(elapsed <= total);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], clock.AutoAdvancedDelays.Where(d => d == TimeSpan.FromSeconds(10)));
        Counts.Add(Group);
    }

    // Calls the surface's read against a server that reads each request and never answers, and drives
    // the manual clock: whenever a request is held, the clock moves to whichever comes first, that
    // attempt's timeout or the total deadline, and never past the deadline. Backoff waits (at most 2 s)
    // pass by themselves. A call that is still running once the clock stands at its deadline is a
    // failure: it neither ends nor sends another request, and the bounded wait reports it.
    private static async Task<(Exception? Error, TimeSpan Elapsed, int Requests)> RunSilentAsync(Surface surface, TimeSpan attemptTimeout, TimeSpan totalTimeout)
    {
        await using var server = new RawHttpServer(async c =>
        {
            if (await c.ReadRequestAsync() is not null)
            {
                await c.HoldAsync();
            }
        });
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(5) };
        var settings = new ClientSettings { Time = clock, MaxRetries = 10, AttemptTimeout = attemptTimeout, TotalTimeout = totalTimeout };
        using var client = surface.CreateClient(server.ApiBaseFor(surface), settings);
        var start = clock.GetUtcNow();
        var deadline = start + totalTimeout;

        var call = Task.Run(() => surface.Read.Invoke(client, CancellationToken.None));
        var ended = call.ContinueWith(_ => clock.GetUtcNow(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        for (var held = 0; ; held++)
        {
            var next = server.RequestReached(held + 1);
            try
            {
                await Task.WhenAny(call, next).WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException(
                    $"With the clock at +{clock.GetUtcNow() - start} (deadline +{totalTimeout}) the call neither ended nor sent request #{held + 1}: it outlives its deadline.");
            }

            if (call.IsCompleted)
            {
                break;
            }

            var now = clock.GetUtcNow();
            Assert.True(now < deadline, $"Request #{held + 1} went out at +{now - start}, at or after the total deadline (+{totalTimeout}).");
            clock.Advance(attemptTimeout < deadline - now ? attemptTimeout : deadline - now);
        }

        var (_, error) = await Bounded.RunAsync(() => call);
        var elapsed = await ended - start;
        Assert.True(elapsed <= totalTimeout, $"The call ended at +{elapsed}, after its total deadline (+{totalTimeout}).");
        Assert.All(server.Requests, r => Assert.Equal((surface.Read.Method, surface.Read.Path), (r.Method, r.Path)));
        return (error, elapsed, server.Requests.Count);
    }
}
