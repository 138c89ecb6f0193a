using System.Globalization;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Errors;

/// <summary>
/// A failed call says how many attempts it made and what the last response's rate-limit headers were, and
/// absurd retry hints on the way never surface as raw .NET exceptions.
/// </summary>
public class FailureDetailsTests : SimulatorTest
{
    private static readonly DateTimeOffset ServerDate = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new() { AutoAdvanceLimit = TimeSpan.FromMinutes(5) };

    private ChatApiPipeline Pipeline(int maxRetries) => TestVendor.Pipeline(Sim, o =>
    {
        o.MaxRetries = maxRetries;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(500);
        o.RetryMaxDelay = TimeSpan.FromSeconds(4);
        o.AttemptTimeout = TimeSpan.FromHours(1);
        o.TotalTimeout = TimeSpan.FromHours(2);
    }, _clock);

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, string> { ["Date"] = ServerDate.ToString("r", CultureInfo.InvariantCulture) };
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        return all;
    }

    private static string Epoch(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_429_after_four_attempts_carries_the_count_and_the_last_rate_limit_headers_and_says_so()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Status(429, """{"error":"rate_limited","message":"Slow down."}""", headers: Headers(
            ("Retry-After", "1"), ("X-RateLimit-Limit", "120"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", Epoch(ServerDate.AddSeconds(30))), ("Request-Id", "req_9"))));

        var error = await Assert.ThrowsAsync<ChatApiRateLimitException>(() => Pipeline(maxRetries: 3).GetThingAsync(TestContext.Current.CancellationToken));

        // MaxRetries 3: the first attempt and three retries.
        Assert.Equal(4, error.Attempts);
        Assert.Equal(new RateLimitInfo(120, 0, ServerDate.AddSeconds(30)), error.RateLimit);
        Assert.Equal("Test GET thing failed with 429 Too Many Requests after 4 attempts: rate_limited (Slow down.) [request id req_9]", error.Message);
        Assert.Equal(4, Sim.Journal.Where("GET", "/v1/thing").Count);
    }

    [Fact]
    public async Task A_503_after_several_attempts_says_so_and_a_first_attempt_failure_does_not()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Status(503, headers: Headers(("X-RateLimit-Remaining", "17"))));
        Sim.Faults.On("POST", "/v1/things").Always(Fault.Status(503));

        var retried = await Assert.ThrowsAsync<ChatApiServerException>(() => Pipeline(maxRetries: 2).GetThingAsync(TestContext.Current.CancellationToken));
        var once = await Assert.ThrowsAsync<ChatApiServerException>(() => Pipeline(maxRetries: 3).CreateThingAsync("x", TestContext.Current.CancellationToken));

        Assert.Equal(3, retried.Attempts);
        Assert.Equal(new RateLimitInfo(null, 17, null), retried.RateLimit);
        Assert.Contains("failed with 503 ServiceUnavailable after 3 attempts", retried.Message, StringComparison.Ordinal);
        Assert.Equal(1, once.Attempts);
        Assert.Null(once.RateLimit);
        Assert.DoesNotContain("attempts", once.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transport_failure_after_retries_carries_the_attempt_count()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Abort());

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Pipeline(maxRetries: 1).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, error.Attempts);
        Assert.Null(error.RateLimit);
        // The message names where the request went (the path as the template), so a wrong base address shows.
        Assert.Equal(
            $"Test GET thing ({Sim.BaseAddress}v1/thing) after 2 attempts: the request failed (Unknown); it is safe to try again.",
            error.Message);
    }

    public static TheoryData<string, string> AbsurdHints => new()
    {
        { "X-RateLimit-Reset", "1e20" },
        { "X-RateLimit-Reset", "-1" },
        { "X-RateLimit-Reset", "NaN" },
        { "X-RateLimit-Reset", "99999999999999999999999999" },
        { "Retry-After", "1e20" },
        { "Retry-After", "-1e300" },
        { "retry-after-ms", "1e300" },
        { "retry-after-ms", "-1e300" },
    };

    [Theory]
    [MemberData(nameof(AbsurdHints))]
    public async Task An_absurd_hint_on_a_429_or_a_503_never_throws_a_raw_exception(string header, string value)
    {
        foreach (var status in new[] { 429, 503 })
        {
            Sim.Faults.Clear();
            Sim.Faults.On("GET", "/v1/thing").Always(Fault.Status(status, headers: Headers((header, value), ("X-RateLimit-Remaining", "0"))));

            var error = await Assert.ThrowsAnyAsync<ChatApiException>(() => Pipeline(maxRetries: 2).GetThingAsync(TestContext.Current.CancellationToken));

            Assert.Equal(status, (int)error.StatusCode!.Value);
            Assert.True(error.RetryAfter is null || (error.RetryAfter >= TimeSpan.Zero && error.RetryAfter <= ChatApis.Resilience.RetryHints.Ceiling), $"{header}: {value} gave {error.RetryAfter}");
        }
    }

    [Fact]
    public async Task A_429_with_a_reset_in_epoch_milliseconds_waits_until_that_instant()
    {
        var resetMs = ServerDate.AddSeconds(20).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Headers(("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", resetMs))));

        var response = await Pipeline(maxRetries: 3).GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(20), Assert.Single(_clock.AutoAdvancedDelays));
    }
}
