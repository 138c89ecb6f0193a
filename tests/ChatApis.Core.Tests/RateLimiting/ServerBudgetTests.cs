using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.RateLimiting;

/// <summary>
/// The gate learns from the server's own count (<c>X-RateLimit-Remaining</c> until <c>X-RateLimit-Reset</c>) and
/// counts each permit from when its response came back, so a server whose window differs from the client's
/// (fixed, started at its first request) still never sees more than its budget.
/// </summary>
public sealed class ServerBudgetTests
{
    private readonly ManualTimeProvider _clock = new();

    private RateLimitGate Gate(int limit = 100) => new([new RateLimitBudget(RateLimitBudget.General, limit, TimeSpan.FromMinutes(1))], _clock);

    [Fact]
    public async Task After_the_server_says_none_are_left_the_next_request_waits_for_its_reset()
    {
        using var gate = Gate();
        await gate.WaitAsync(null, TestContext.Current.CancellationToken);
        gate.RequestStarted();
        gate.RequestEnded(new RateLimitInfo(120, 0, _clock.GetUtcNow().AddSeconds(2)), null);

        var next = gate.WaitAsync(null, TestContext.Current.CancellationToken).AsTask();
        Assert.False(next.IsCompleted);
        Assert.Equal(1, gate.WaitingForServerReset);

        _clock.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.Equal(0, gate.WaitingForServerReset);
    }

    [Fact]
    public async Task Requests_still_in_flight_count_against_what_the_server_said_is_left()
    {
        using var gate = Gate();
        for (var i = 0; i < 2; i++)
        {
            await gate.WaitAsync(null, TestContext.Current.CancellationToken);
            gate.RequestStarted();
        }

        // One response says 3 are left; the other request is still on its way and will take one of them.
        gate.RequestEnded(new RateLimitInfo(120, 3, _clock.GetUtcNow().AddSeconds(30)), null);

        await gate.WaitAsync(null, TestContext.Current.CancellationToken);
        await gate.WaitAsync(null, TestContext.Current.CancellationToken);
        var third = gate.WaitAsync(null, TestContext.Current.CancellationToken).AsTask();
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await third.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_later_report_of_the_same_window_can_only_lower_what_is_left()
    {
        using var gate = Gate();
        var reset = _clock.GetUtcNow().AddSeconds(30);
        gate.RequestStarted();
        gate.RequestEnded(new RateLimitInfo(120, 1, reset), null);
        gate.RequestStarted();
        gate.RequestEnded(new RateLimitInfo(120, 5, reset), null);

        await gate.WaitAsync(null, TestContext.Current.CancellationToken);
        Assert.False(gate.WaitAsync(null, TestContext.Current.CancellationToken).IsCompleted);
    }

    [Fact]
    public async Task Responses_without_the_headers_or_with_a_past_reset_change_nothing()
    {
        using var gate = Gate(limit: 3);
        gate.RequestStarted();
        gate.RequestEnded(null, null);
        gate.RequestStarted();
        gate.RequestEnded(new RateLimitInfo(120, 0, _clock.GetUtcNow().AddSeconds(-1)), null);
        gate.RequestStarted();
        gate.RequestEnded(new RateLimitInfo(120, null, _clock.GetUtcNow().AddSeconds(30)), null);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(gate.WaitAsync(null, TestContext.Current.CancellationToken).IsCompletedSuccessfully);
        }
    }

    [Fact]
    public async Task A_skewed_server_clock_is_measured_against_the_server_date()
    {
        using var gate = Gate();
        var serverNow = _clock.GetUtcNow().AddMinutes(10);
        gate.RequestStarted();
        gate.RequestEnded(new RateLimitInfo(120, 0, serverNow.AddSeconds(5)), serverNow);

        var next = gate.WaitAsync(null, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_permit_counts_from_when_its_response_came_back()
    {
        using var gate = Gate(limit: 1);
        await gate.WaitAsync(null, TestContext.Current.CancellationToken);
        gate.RequestStarted();
        _clock.Advance(TimeSpan.FromSeconds(10));
        gate.RequestEnded(null, null);

        // The window is counted from the response (t = 10 s), so the next permit is free at 70 s, not 60 s.
        var next = gate.WaitAsync(null, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
