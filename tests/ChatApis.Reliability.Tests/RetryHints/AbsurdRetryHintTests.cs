using System.Globalization;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Resilience;
using ChatApis.Testing;

// Not ".RetryHints": that namespace would hide the ChatApis.Resilience.RetryHints class.
namespace ChatApis.Reliability.Tests.RetryHintFaults;

/// <summary>
/// Retry hints no sane server sends (a reset in epoch milliseconds, 1e20, negative, NaN, a Retry-After
/// past any TimeSpan) on a 429 or a 503, on every surface: the call waits a sensible time, falls back
/// to backoff, or fails with the typed exception at once; it never throws ArgumentOutOfRangeException
/// or OverflowException.
/// </summary>
public class AbsurdRetryHintTests
{
    private static readonly DateTimeOffset ServerDate = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A hint, and whether the call then succeeds on its retry (else it fails at once, typed).</summary>
    public static TheoryData<string, string, string, bool> Cases()
    {
        var hints = new (string Name, string Header, string Value, bool Retried)[]
        {
            ("reset in epoch ms", "X-RateLimit-Reset", ServerDate.AddSeconds(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), true),
            ("reset 1e20", "X-RateLimit-Reset", "1e20", true),
            ("reset huge integer", "X-RateLimit-Reset", "99999999999999999999999999", true),
            ("reset negative", "X-RateLimit-Reset", "-1", true),
            ("reset NaN", "X-RateLimit-Reset", "NaN", true),
            ("Retry-After 1e20", "Retry-After", "1e20", false),
            ("Retry-After -1e300", "Retry-After", "-1e300", true),
            ("retry-after-ms 1e300", "retry-after-ms", "1e300", false),
            ("retry-after-ms negative", "retry-after-ms", "-5", true),
        };
        var data = new TheoryData<string, string, string, bool>();
        foreach (var surface in Surfaces.All)
        {
            foreach (var (name, _, _, retried) in hints)
            {
                data.Add(surface.Name, "429", name, retried);
                data.Add(surface.Name, "503", name, retried);
            }
        }

        return data;
    }

    private static (string Header, string Value) Hint(string name) => name switch
    {
        "reset in epoch ms" => ("X-RateLimit-Reset", ServerDate.AddSeconds(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        "reset 1e20" => ("X-RateLimit-Reset", "1e20"),
        "reset huge integer" => ("X-RateLimit-Reset", "99999999999999999999999999"),
        "reset negative" => ("X-RateLimit-Reset", "-1"),
        "reset NaN" => ("X-RateLimit-Reset", "NaN"),
        "Retry-After 1e20" => ("Retry-After", "1e20"),
        "Retry-After -1e300" => ("Retry-After", "-1e300"),
        "retry-after-ms 1e300" => ("retry-after-ms", "1e300"),
        "retry-after-ms negative" => ("retry-after-ms", "-5"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown hint"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_absurd_hint_is_read_sensibly_or_ignored_never_thrown(string surfaceName, string status, string hint, bool retried)
    {
        var surface = Surfaces.ByName(surfaceName);
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { Time = clock });
        var call = surface.Read;
        var (header, value) = Hint(hint);
        var headers = new Dictionary<string, string>
        {
            ["Date"] = ServerDate.ToString("r", CultureInfo.InvariantCulture),
            ["X-RateLimit-Limit"] = "120",
            ["X-RateLimit-Remaining"] = "0",
            [header] = value,
        };
        var code = int.Parse(status, CultureInfo.InvariantCulture);
        sim.Faults.On(call.Method, call.Path).Once(Fault.Status(code, surface.ErrorBody(code == 429 ? "rate_limited" : "unavailable", "try later"), headers: headers));

        var (result, error) = await Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));

        if (retried)
        {
            Assert.True(error is null, $"{hint} on a {status}: expected a retry that succeeds, got {error}");
            Assert.Equal(2, Assert.IsAssignableFrom<ApiResponse>(result).Attempts);
            Assert.Equal(2, sim.Journal.Where(call.Method, call.Path).Count);
            if (hint == "reset in epoch ms")
            {
                // Read as milliseconds: five seconds after the server's Date, not 1970 or the year 55000.
                Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(clock.AutoAdvancedDelays));
            }
            else
            {
                // Ignored (the backoff of at most RetryMaxDelay) or clamped to zero (no timer at all).
                Assert.True(clock.AutoAdvancedDelays.Count <= 1, $"{clock.AutoAdvancedDelays.Count} waits");
                Assert.All(clock.AutoAdvancedDelays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(2)));
            }
        }
        else
        {
            // A hint past MaxRetryAfter (clamped to the 24 h ceiling, not overflowed) fails at once.
            var typed = Assert.IsAssignableFrom<ChatApiException>(error);
            Assert.Equal(code, (int)typed.StatusCode!.Value);
            Assert.Equal(RetryHints.Ceiling, typed.RetryAfter);
            Assert.Equal(1, typed.Attempts);
            Assert.Equal(new RateLimitInfo(120, 0, null), typed.RateLimit);
            Assert.Single(sim.Journal.Where(call.Method, call.Path));
        }

        Counts.Add("retry hints: absurd values on a 429 or 5xx");
    }
}
