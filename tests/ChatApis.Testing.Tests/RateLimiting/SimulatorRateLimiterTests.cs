using ChatApis.Testing;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing.Tests.RateLimiting;

public sealed class SimulatorRateLimiterTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);

    [Fact]
    public void Allows_up_to_the_limit_then_denies()
    {
        var limiter = new SimulatorRateLimiter(3, TimeSpan.FromMinutes(1), _clock);

        var decisions = Enumerable.Range(0, 5).Select(_ => limiter.TryAcquire("key_a")).ToArray();

        Assert.Equal([true, true, true, false, false], decisions.Select(d => d.Allowed));
        Assert.Equal([2, 1, 0, 0, 0], decisions.Select(d => d.Remaining));
        Assert.All(decisions, d => Assert.Equal(3, d.Limit));
        Assert.All(decisions, d => Assert.Equal(Start.AddMinutes(1), d.ResetAt));
    }

    [Fact]
    public void The_window_starts_at_the_first_request_and_resets_after_the_window()
    {
        var limiter = new SimulatorRateLimiter(2, TimeSpan.FromSeconds(60), _clock);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var first = limiter.TryAcquire("key_a");
        _clock.Advance(TimeSpan.FromSeconds(30));
        limiter.TryAcquire("key_a");

        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        var justBefore = limiter.TryAcquire("key_a");
        _clock.Advance(TimeSpan.FromTicks(1));
        var atReset = limiter.TryAcquire("key_a");

        Assert.Equal(Start.AddSeconds(70), first.ResetAt);
        Assert.False(justBefore.Allowed);
        Assert.Equal(Start.AddSeconds(70), justBefore.ResetAt);
        Assert.True(atReset.Allowed);
        Assert.Equal(1, atReset.Remaining);
        Assert.Equal(Start.AddSeconds(130), atReset.ResetAt);
    }

    [Fact]
    public void Keys_have_independent_windows()
    {
        var limiter = new SimulatorRateLimiter(1, TimeSpan.FromMinutes(1), _clock);

        Assert.True(limiter.TryAcquire("key_a").Allowed);
        Assert.False(limiter.TryAcquire("key_a").Allowed);
        _clock.Advance(TimeSpan.FromSeconds(5));
        var other = limiter.TryAcquire("key_b");

        Assert.True(other.Allowed);
        Assert.Equal(Start.AddSeconds(65), other.ResetAt);
    }

    [Fact]
    public void Reset_forgets_every_window()
    {
        var limiter = new SimulatorRateLimiter(1, TimeSpan.FromMinutes(1), _clock);
        limiter.TryAcquire("key_a");

        limiter.Reset();

        Assert.True(limiter.TryAcquire("key_a").Allowed);
    }

    [Fact]
    public void RetryAfter_is_the_time_left_in_the_window_and_never_negative()
    {
        var decision = new RateLimitDecision(false, 10, 0, Start.AddSeconds(42));

        Assert.Equal(TimeSpan.FromSeconds(42), decision.RetryAfter(Start));
        Assert.Equal(TimeSpan.FromSeconds(2), decision.RetryAfter(Start.AddSeconds(40)));
        Assert.Equal(TimeSpan.Zero, decision.RetryAfter(Start.AddSeconds(50)));
    }

    [Fact]
    public void WriteHeaders_sets_limit_remaining_and_reset_in_epoch_seconds()
    {
        var limiter = new SimulatorRateLimiter(5, TimeSpan.FromMinutes(1), _clock);
        var context = new DefaultHttpContext();

        limiter.WriteHeaders(context.Response, new RateLimitDecision(true, 5, 4, Start.AddSeconds(60)));

        Assert.Equal("5", context.Response.Headers["X-RateLimit-Limit"].ToString());
        Assert.Equal("4", context.Response.Headers["X-RateLimit-Remaining"].ToString());
        Assert.Equal((Start.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture), context.Response.Headers["X-RateLimit-Reset"].ToString());
    }

    [Fact]
    public void WriteHeaders_rounds_a_fractional_reset_up()
    {
        var limiter = new SimulatorRateLimiter(5, TimeSpan.FromMinutes(1), _clock);
        var context = new DefaultHttpContext();

        limiter.WriteHeaders(context.Response, new RateLimitDecision(false, 5, 0, Start.AddSeconds(60.2)));

        Assert.Equal((Start.ToUnixTimeSeconds() + 61).ToString(System.Globalization.CultureInfo.InvariantCulture), context.Response.Headers["X-RateLimit-Reset"].ToString());
    }

    [Fact]
    public async Task Concurrent_callers_never_exceed_the_limit()
    {
        var limiter = new SimulatorRateLimiter(10, TimeSpan.FromMinutes(1), _clock);
        using var start = new ManualResetEventSlim();

        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return Enumerable.Range(0, 25).Count(_ => limiter.TryAcquire("shared").Allowed);
        })).ToArray();
        start.Set();
        var allowed = await Task.WhenAll(tasks);

        Assert.Equal(10, allowed.Sum());
    }

    [Fact]
    public void Constructor_rejects_a_zero_limit_or_window()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorRateLimiter(0, TimeSpan.FromSeconds(1), _clock));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorRateLimiter(1, TimeSpan.Zero, _clock));
        Assert.Throws<ArgumentNullException>(() => new SimulatorRateLimiter(1, TimeSpan.FromSeconds(1), null!));
    }
}
