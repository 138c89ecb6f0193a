using ChatApis.RateLimiting;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.RateLimiting;

public class SlidingWindowLogRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task Grants_up_to_the_limit_at_once_then_queues_until_the_oldest_grant_leaves_the_window()
    {
        using var limiter = new SlidingWindowLogRateLimiter(3, TimeSpan.FromSeconds(60), _clock);
        for (var i = 0; i < 3; i++)
        {
            // Each request comes back at once: its permit counts for a window from its release.
            using (var lease = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken))
            {
                Assert.True(lease.IsAcquired);
            }

            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        var fourth = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        Assert.False(fourth.IsCompleted);

        // Timers fire inside Advance and a grant completes the waiter's task there, so what the clock has
        // released is known the moment Advance returns.
        _clock.Advance(TimeSpan.FromSeconds(29)); // t = 59 s: the first grant (t = 0) is still in the window
        Assert.False(fourth.IsCompleted);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);

        _clock.Advance(TimeSpan.FromSeconds(1)); // t = 60 s
        Assert.True((await fourth.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task Never_grants_more_than_the_limit_in_any_window()
    {
        const int total = 55;
        using var limiter = new SlidingWindowLogRateLimiter(10, TimeSpan.FromSeconds(60), _clock);
        var acquiring = Enumerable.Range(0, total).Select(_ => limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask()).ToList();
        var grants = new DateTimeOffset?[total];

        // A grant completes its task inside Advance, so the clock after each one-second step is the grant
        // time of every task completed by that step. No polling: the clock moves only here.
        Record();
        for (var step = 0; grants.Any(g => g is null); step++)
        {
            Assert.True(step < 10 * 60, "the limiter did not grant every permit within 10 minutes");
            _clock.Advance(TimeSpan.FromSeconds(1));
            Record();
        }

        foreach (var lease in await Task.WhenAll(acquiring))
        {
            Assert.True(lease.IsAcquired);
        }

        var sorted = grants.Select(g => g!.Value).Order().ToList();
        for (var i = 10; i < sorted.Count; i++)
        {
            Assert.True(sorted[i] - sorted[i - 10] >= TimeSpan.FromSeconds(60), $"grant {i} came {sorted[i] - sorted[i - 10]} after grant {i - 10}");
        }

        // 55 permits at 10 per minute need 5 full windows after the first: exactly, not more.
        Assert.Equal(TimeSpan.FromMinutes(5), sorted[^1] - sorted[0]);

        void Record()
        {
            for (var i = 0; i < total; i++)
            {
                if (grants[i] is null && acquiring[i].IsCompleted)
                {
                    grants[i] = _clock.GetUtcNow();
                    acquiring[i].Result.Dispose(); // the request came back at once
                }
            }
        }
    }

    [Fact]
    public async Task Waiters_are_served_first_in_first_out()
    {
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), _clock);
        (await limiter.AcquireAsync(1, TestContext.Current.CancellationToken)).Dispose();
        var waiters = Enumerable.Range(0, 3).Select(_ => limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask()).ToList();

        // Each second frees one permit, and it goes to the longest-waiting caller; the grant completes the
        // task inside Advance, so which ones are done is exact after each step. Each request comes back at once.
        Assert.Equal([false, false, false], waiters.Select(w => w.IsCompleted));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([true, false, false], waiters.Select(w => w.IsCompleted));
        (await waiters[0]).Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([true, true, false], waiters.Select(w => w.IsCompleted));
        (await waiters[1]).Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([true, true, true], waiters.Select(w => w.IsCompleted));

        Assert.All(await Task.WhenAll(waiters), lease => Assert.True(lease.IsAcquired));
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_without_taking_a_permit()
    {
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), _clock);
        (await limiter.AcquireAsync(1, TestContext.Current.CancellationToken)).Dispose();
        using var cancel = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(1, cancel.Token).AsTask();
        var next = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await next.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void AttemptAcquire_does_not_wait()
    {
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(1), _clock);
        using (var lease = limiter.AttemptAcquire())
        {
            Assert.True(lease.IsAcquired);
        }

        Assert.False(limiter.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task A_permit_counts_while_its_request_is_in_flight_and_for_a_window_after_it_came_back()
    {
        using var limiter = new SlidingWindowLogRateLimiter(1, TimeSpan.FromSeconds(10), _clock);
        var lease = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        Assert.Equal(1, limiter.InFlight);

        // 20 s in flight: two windows after the grant, the request may still reach the server at any moment.
        _clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        lease.Dispose();
        lease.Dispose(); // releasing twice counts once
        Assert.Equal(0, limiter.InFlight);
        _clock.Advance(TimeSpan.FromSeconds(9)); // 9 s after the response: still inside its window
        Assert.False(limiter.AttemptAcquire().IsAcquired);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.AttemptAcquire().IsAcquired);
    }

    [Fact]
    public async Task A_waiter_behind_requests_in_flight_is_granted_a_window_after_the_first_comes_back()
    {
        using var limiter = new SlidingWindowLogRateLimiter(2, TimeSpan.FromSeconds(10), _clock);
        var first = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        var second = await limiter.AcquireAsync(1, TestContext.Current.CancellationToken);
        var third = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();

        _clock.Advance(TimeSpan.FromSeconds(30)); // nothing came back: nothing frees on the clock
        Assert.False(third.IsCompleted);

        second.Dispose();                          // t = 30 s
        _clock.Advance(TimeSpan.FromSeconds(3));
        first.Dispose();                           // t = 33 s
        _clock.Advance(TimeSpan.FromSeconds(6.999));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1)); // t = 40 s: the second request's window has passed
        Assert.True((await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task A_server_that_counts_requests_it_did_not_get_from_this_limiter_lowers_the_limit_until_its_reset()
    {
        using var limiter = new SlidingWindowLogRateLimiter(10, TimeSpan.FromSeconds(60), _clock);
        (await limiter.AcquireAsync(1, TestContext.Current.CancellationToken)).Dispose();

        // One request of ours in the window, yet the server says 6 are left: 3 were someone else's.
        limiter.ObserveServerRemaining(6, _clock.GetUtcNow() + TimeSpan.FromSeconds(20));
        Assert.Equal(6, limiter.GetStatistics()!.CurrentAvailablePermits);
        for (var i = 0; i < 6; i++)
        {
            limiter.AttemptAcquire().Dispose();
        }

        var waiting = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        Assert.False(limiter.AttemptAcquire().IsAcquired);

        // The learned use ends with the server's window, and the waiter gets its permit at that moment.
        _clock.Advance(TimeSpan.FromSeconds(19.999));
        Assert.False(waiting.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task What_a_server_says_never_lets_more_through_and_never_holds_longer_than_a_window()
    {
        using var limiter = new SlidingWindowLogRateLimiter(3, TimeSpan.FromSeconds(60), _clock);
        (await limiter.AcquireAsync(1, TestContext.Current.CancellationToken)).Dispose();

        // Consistent with our count, stale (reset passed) or generous: nothing changes.
        limiter.ObserveServerRemaining(2, _clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        limiter.ObserveServerRemaining(0, _clock.GetUtcNow() - TimeSpan.FromSeconds(1));
        limiter.ObserveServerRemaining(100, _clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);

        // A hostile answer (nothing left, reset in a thousand years) holds for one window at most.
        limiter.ObserveServerRemaining(-5, _clock.GetUtcNow().AddYears(1000));
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
        var waiting = limiter.AcquireAsync(1, TestContext.Current.CancellationToken).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.True((await waiting.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task A_gate_waits_for_both_the_general_and_the_endpoint_budget()
    {
        using var gate = new RateLimitGate([new RateLimitBudget(RateLimitBudget.General, 60, TimeSpan.FromMinutes(1)), new RateLimitBudget("close", 2, TimeSpan.FromMinutes(1))], _clock);
        for (var i = 0; i < 2; i++)
        {
            using var ticket = await gate.WaitAsync("close", TestContext.Current.CancellationToken);
            Assert.Equal(TimeSpan.Zero, ticket.Waited);
        }

        using (var ticket = await gate.WaitAsync(null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(TimeSpan.Zero, ticket.Waited);
        }

        // The general permit is taken at once and the wait for the close budget's starts before WaitAsync returns.
        var third = gate.WaitAsync("close", TestContext.Current.CancellationToken).AsTask();
        Assert.False(third.IsCompleted);
        Assert.Equal(1, gate.Limiters["close"].GetStatistics()!.CurrentQueuedCount);
        Assert.Equal(0, gate.Limiters[RateLimitBudget.General].GetStatistics()!.CurrentQueuedCount);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(1), (await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)).Waited);
    }

    [Fact]
    public void Permit_counts_other_than_one_are_refused()
    {
        using var limiter = new SlidingWindowLogRateLimiter(5, TimeSpan.FromSeconds(1), _clock);
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(2));
    }
}
