using ChatApis.Testing;

namespace ChatApis.Testing.Tests.Time;

public sealed class ManualTimeProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(5);

    [ThreadStatic]
    private static bool t_insideCreateTimer;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Starts_at_2026_in_utc_by_default()
    {
        var clock = new ManualTimeProvider();

        Assert.Equal(Start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        Assert.Equal(TimeZoneInfo.Utc, clock.LocalTimeZone);
        Assert.Equal(Start, clock.GetLocalNow());
        Assert.Equal(0, clock.PendingTimerCount);
        Assert.Null(clock.AutoAdvanceLimit);
    }

    [Fact]
    public void A_given_start_is_converted_to_utc()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void Advance_and_SetUtcNow_move_the_clock_and_the_timestamps()
    {
        var clock = new ManualTimeProvider();
        var before = clock.GetTimestamp();

        clock.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal(Start.AddMilliseconds(1500), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), clock.GetElapsedTime(before));
        Assert.Equal(TimeSpan.TicksPerSecond * 3 / 2, clock.GetTimestamp() - before);

        clock.SetUtcNow(Start.AddHours(1));

        Assert.Equal(Start.AddHours(1), clock.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(1), clock.GetElapsedTime(before));
    }

    [Fact]
    public void The_clock_never_goes_backwards()
    {
        var clock = new ManualTimeProvider();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.SetUtcNow(Start.AddSeconds(9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(Start.AddSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void A_timer_fires_once_when_the_clock_reaches_its_due_time()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        Assert.Equal(1, clock.PendingTimerCount);

        clock.Advance(TimeSpan.FromSeconds(5) - TimeSpan.FromTicks(1));
        Assert.Empty(fired);

        clock.Advance(TimeSpan.FromTicks(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal([Start.AddSeconds(5)], fired);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public void Timers_fire_in_due_order_each_seeing_its_own_due_time()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([("early", Start.AddSeconds(1)), ("late", Start.AddSeconds(3))], fired);
        Assert.Equal(Start.AddSeconds(10), clock.GetUtcNow());
    }

    [Fact]
    public void A_periodic_timer_fires_every_period_until_disposed()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<DateTimeOffset>();
        var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));

        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal([Start.AddSeconds(1), Start.AddSeconds(3), Start.AddSeconds(5)], fired);
        Assert.Equal(1, clock.PendingTimerCount);

        timer.Dispose();
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(3, fired.Count);
        Assert.Equal(0, clock.PendingTimerCount);
        Assert.False(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Change_reschedules_or_disables_a_timer()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<DateTimeOffset>();
        using var timer = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        Assert.True(timer.Change(TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(fired);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([Start.AddSeconds(5)], fired);

        Assert.True(timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.True(timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(fired);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public void A_timer_created_disabled_is_not_pending()
    {
        var clock = new ManualTimeProvider();

        using var timer = clock.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        Assert.Equal(0, clock.PendingTimerCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(-2), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void Callbacks_run_outside_the_clock_lock()
    {
        var clock = new ManualTimeProvider();
        DateTimeOffset? seenFromAnotherThread = null;
        using var timer = clock.CreateTimer(
            _ => seenFromAnotherThread = Task.Run(clock.GetUtcNow).Wait(Guard) ? clock.GetUtcNow() : null,
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(Start.AddSeconds(1), seenFromAnotherThread);
    }

    [Fact]
    public void A_callback_can_schedule_a_timer_that_the_same_advance_fires()
    {
        var clock = new ManualTimeProvider();
        var fired = new List<DateTimeOffset>();
        ITimer? second = null;
        using var first = clock.CreateTimer(
            _ => second = clock.CreateTimer(_ => fired.Add(clock.GetUtcNow()), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan),
            null,
            TimeSpan.FromSeconds(1),
            Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal([Start.AddSeconds(3)], fired);
        second?.Dispose();
    }

    [Fact]
    public void Callbacks_run_in_the_execution_context_of_the_creator()
    {
        var clock = new ManualTimeProvider();
        var local = new AsyncLocal<string>();
        string? seen = null;
        local.Value = "creator";
        using var timer = clock.CreateTimer(_ => seen = local.Value, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        local.Value = "changed later";

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("creator", seen);
    }

    [Fact]
    public async Task A_timer_due_now_fires_without_an_advance()
    {
        var clock = new ManualTimeProvider();
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);

        using var timer = clock.CreateTimer(_ => fired.TrySetResult(clock.GetUtcNow()), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);

        Assert.Equal(Start, await fired.Task.WaitAsync(Guard, Ct));
    }

    [Fact]
    public async Task Task_Delay_completes_when_the_clock_is_advanced()
    {
        var clock = new ManualTimeProvider();

        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock, Ct);
        Assert.False(delay.IsCompleted);
        Assert.Equal(1, clock.PendingTimerCount);

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(delay.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        await delay.WaitAsync(Guard, Ct);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task Cancelling_a_delay_that_has_not_fired_cancels_it_and_releases_its_timer()
    {
        var clock = new ManualTimeProvider();
        using var cancel = new CancellationTokenSource();
        var delay = Task.Delay(TimeSpan.FromSeconds(30), clock, cancel.Token);
        Assert.Equal(1, clock.PendingTimerCount);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay.WaitAsync(Guard, Ct));
        Assert.True(delay.IsCanceled);
        Assert.Equal(0, clock.PendingTimerCount);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(delay.IsCanceled);
    }

    [Fact]
    public void A_cancellation_token_source_with_a_delay_follows_the_clock()
    {
        var clock = new ManualTimeProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);

        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.False(timeout.IsCancellationRequested);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(timeout.IsCancellationRequested);
    }

    [Fact]
    public void CancelAfter_on_a_clock_driven_source_reschedules_its_timer()
    {
        var clock = new ManualTimeProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);

        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(timeout.IsCancellationRequested);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(timeout.IsCancellationRequested);
    }

    [Fact]
    public void Disposing_a_clock_driven_source_releases_its_timer()
    {
        var clock = new ManualTimeProvider();
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), clock);
        Assert.Equal(1, clock.PendingTimerCount);

        timeout.Dispose();

        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task AutoAdvance_lets_short_delays_complete_at_once_and_records_them()
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(10) };

        await Task.Delay(TimeSpan.FromSeconds(5), clock, Ct).WaitAsync(Guard, Ct);

        Assert.Equal(Start.AddSeconds(5), clock.GetUtcNow());
        Assert.Equal([TimeSpan.FromSeconds(5)], clock.AutoAdvancedDelays);
        Assert.Equal(0, clock.PendingTimerCount);
    }

    [Fact]
    public async Task AutoAdvance_records_a_backoff_sequence_in_order()
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var elapsed = 0;

        // Each delay is over the moment it is created: the clock has already jumped to its due time and
        // its timer is gone. A delay that ran on real time would leave the clock where it was.
        foreach (var seconds in new[] { 1, 2, 4, 8 })
        {
            var delay = Task.Delay(TimeSpan.FromSeconds(seconds), clock, Ct);
            elapsed += seconds;
            Assert.Equal(Start.AddSeconds(elapsed), clock.GetUtcNow());
            Assert.Equal(0, clock.PendingTimerCount);
            await delay.WaitAsync(Guard, Ct);
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], clock.AutoAdvancedDelays);
        Assert.Equal(Start.AddSeconds(15), clock.GetUtcNow());
    }

    [Fact]
    public async Task AutoAdvance_never_fires_timers_longer_than_the_limit()
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(10) };
        using var requestTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(100), clock);

        await Task.Delay(TimeSpan.FromSeconds(2), clock, Ct).WaitAsync(Guard, Ct);

        Assert.False(requestTimeout.IsCancellationRequested);
        Assert.Equal(1, clock.PendingTimerCount);
        Assert.Equal([TimeSpan.FromSeconds(2)], clock.AutoAdvancedDelays);
        Assert.Equal(Start.AddSeconds(2), clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(98));
        Assert.True(requestTimeout.IsCancellationRequested);
    }

    [Fact]
    public async Task AutoAdvance_also_fires_longer_timers_that_the_jump_makes_due()
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(5) };
        var longTimerFired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var longTimer = clock.CreateTimer(_ => longTimerFired.TrySetResult(clock.GetUtcNow()), null, TimeSpan.FromSeconds(8), Timeout.InfiniteTimeSpan);

        await Task.Delay(TimeSpan.FromSeconds(5), clock, Ct).WaitAsync(Guard, Ct);
        Assert.False(longTimerFired.Task.IsCompleted);
        await Task.Delay(TimeSpan.FromSeconds(5), clock, Ct).WaitAsync(Guard, Ct);

        Assert.Equal(Start.AddSeconds(10), await longTimerFired.Task.WaitAsync(Guard, Ct));
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)], clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task AutoAdvance_queues_callbacks_instead_of_running_them_inside_CreateTimer()
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(1) };
        var ranInside = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        t_insideCreateTimer = true;
        ITimer timer;
        try
        {
            timer = clock.CreateTimer(_ => ranInside.TrySetResult(t_insideCreateTimer), null, TimeSpan.FromMilliseconds(500), Timeout.InfiniteTimeSpan);
        }
        finally
        {
            t_insideCreateTimer = false;
        }

        Assert.False(await ranInside.Task.WaitAsync(Guard, Ct));
        Assert.Equal(Start.AddMilliseconds(500), clock.GetUtcNow());
        timer.Dispose();
    }

    [Fact]
    public async Task AutoAdvance_applies_to_Change_as_well()
    {
        var clock = new ManualTimeProvider();
        var fired = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timer = clock.CreateTimer(_ => fired.TrySetResult(clock.GetUtcNow()), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        clock.AutoAdvanceLimit = TimeSpan.FromSeconds(3);

        timer.Change(TimeSpan.FromSeconds(3), Timeout.InfiniteTimeSpan);

        Assert.Equal(Start.AddSeconds(3), await fired.Task.WaitAsync(Guard, Ct));
        Assert.Equal([TimeSpan.FromSeconds(3)], clock.AutoAdvancedDelays);
    }

    [Fact]
    public void AutoAdvanceLimit_cannot_be_negative()
    {
        var clock = new ManualTimeProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AutoAdvanceLimit = TimeSpan.FromSeconds(-1));
    }
}
