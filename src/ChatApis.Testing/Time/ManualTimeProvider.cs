namespace ChatApis.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock only moves when a test moves it, so retry, back-off,
/// rate-limit and timeout logic can be tested deterministically and in milliseconds.
/// </summary>
/// <remarks>
/// <para>
/// Timers created through <see cref="CreateTimer"/> fire when the virtual clock reaches their due time:
/// on <see cref="Advance"/> or <see cref="SetUtcNow"/> the callbacks run on the calling thread (outside
/// any internal lock), in due-time order, with the clock set to each timer's due time while it runs.
/// This is what <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> and
/// <see cref="CancellationTokenSource(TimeSpan, TimeProvider)"/> use, so both follow this clock.
/// </para>
/// <para>
/// With <see cref="AutoAdvanceLimit"/> set, short timers (back-off delays) move the clock forward by
/// themselves while long ones (request timeouts) still wait for an explicit <see cref="Advance"/>.
/// </para>
/// <para>
/// An exception thrown by a callback during <see cref="Advance"/> propagates to its caller; timers after it
/// fire on the next advance.
/// </para>
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>The instant a provider starts at when none is given: 2026-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _scheduled = [];
    private readonly List<TimeSpan> _autoAdvanced = [];
    private DateTimeOffset _now;
    private TimeSpan? _autoAdvanceLimit;
    private long _sequence;

    /// <summary>Creates a clock standing at <paramref name="start"/>, or at <see cref="DefaultStart"/>.</summary>
    /// <param name="start">The initial instant; converted to UTC.</param>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _now = (start ?? DefaultStart).ToUniversalTime();
    }

    /// <summary>
    /// When set, a timer created or changed with a finite due time no longer than this jumps the clock
    /// forward to its due time at once and fires every timer then due, with the callbacks queued to the
    /// thread pool. Timers with longer due times wait for <see cref="Advance"/>. <see langword="null"/> (the
    /// default) turns auto-advance off.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan? AutoAdvanceLimit
    {
        get { lock (_gate) { return _autoAdvanceLimit; } }
        set
        {
            if (value is { } limit)
            {
                ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero, nameof(value));
            }

            lock (_gate) { _autoAdvanceLimit = value; }
        }
    }

    /// <summary>Every due time that auto-advanced the clock, in the order it happened (a snapshot).</summary>
    public IReadOnlyList<TimeSpan> AutoAdvancedDelays
    {
        get { lock (_gate) { return _autoAdvanced.ToArray(); } }
    }

    /// <summary>How many timers are scheduled to fire (created or changed with a finite due time, not yet fired or disposed).</summary>
    public int PendingTimerCount
    {
        get { lock (_gate) { return _scheduled.Count; } }
    }

    /// <summary>The virtual clock is always in UTC so tests never depend on the machine's time zone.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Timestamps are virtual-clock ticks, so one second is <see cref="TimeSpan.TicksPerSecond"/>.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) { return _now; }
    }

    /// <summary>Returns the virtual clock in ticks, so elapsed-time measurements follow <see cref="Advance"/>.</summary>
    /// <returns>The current virtual instant as UTC ticks.</returns>
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    /// <param name="by">How far to move; zero fires the timers already due.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate) { target = _now + by; }
        SetUtcNow(target);
    }

    /// <summary>Moves the clock forward to <paramref name="value"/>, firing every timer that falls due on the way.</summary>
    /// <param name="value">The new instant.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is earlier than the current time.</exception>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (_gate)
        {
            if (value < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"The clock cannot go backwards (it is at {_now:O}).");
            }
        }

        // One timer per iteration, so each callback sees the clock at its own due time and timers
        // that callbacks create along the way are picked up in order too.
        while (true)
        {
            ManualTimer? due;
            lock (_gate)
            {
                due = NextDueLocked(value);
                if (due is null)
                {
                    if (value > _now)
                    {
                        _now = value;
                    }

                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt;
                }

                RescheduleAfterFiringLocked(due);
            }

            due.Invoke();
        }
    }

    /// <summary>Creates a timer driven by this clock.</summary>
    /// <param name="callback">Invoked when the timer fires.</param>
    /// <param name="state">Passed to <paramref name="callback"/>.</param>
    /// <param name="dueTime">Delay before the first firing; <see cref="Timeout.InfiniteTimeSpan"/> keeps it disabled.</param>
    /// <param name="period">Interval between later firings; zero or <see cref="Timeout.InfiniteTimeSpan"/> fires once.</param>
    /// <returns>The timer; dispose it to cancel it.</returns>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // Real timers run callbacks in the creator's execution context (AsyncLocals and the like); keep that.
        var timer = new ManualTimer(this, callback, state, ExecutionContext.Capture());
        timer.Change(dueTime, period);
        return timer;
    }

    internal bool Change(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        ValidateTimeout(dueTime, nameof(dueTime));
        ValidateTimeout(period, nameof(period));

        List<ManualTimer> due = [];
        lock (_gate)
        {
            if (timer.Disposed)
            {
                return false;
            }

            timer.Period = period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero ? null : period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                UnscheduleLocked(timer);
                return true;
            }

            timer.DueAt = _now + dueTime;
            timer.Sequence = ++_sequence;
            if (!timer.Scheduled)
            {
                timer.Scheduled = true;
                _scheduled.Add(timer);
            }

            if (_autoAdvanceLimit is { } limit && dueTime <= limit)
            {
                _autoAdvanced.Add(dueTime);
                if (timer.DueAt > _now)
                {
                    _now = timer.DueAt;
                }
            }
            else if (dueTime != TimeSpan.Zero)
            {
                return true;
            }

            CollectDueLocked(due);
        }

        // Never inline: callers such as Task.Delay and CancellationTokenSource are still inside their
        // constructors (or holding their own locks) while they create the timer.
        if (due.Count > 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static batch => batch.ForEach(static t => t.Invoke()), due, preferLocal: false);
        }

        return true;
    }

    internal void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            timer.Disposed = true;
            UnscheduleLocked(timer);
        }
    }

    private static void ValidateTimeout(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be non-negative or Timeout.InfiniteTimeSpan.");
        }
    }

    private void CollectDueLocked(List<ManualTimer> into)
    {
        while (NextDueLocked(_now) is { } timer)
        {
            into.Add(timer);
            RescheduleAfterFiringLocked(timer);
        }
    }

    private ManualTimer? NextDueLocked(DateTimeOffset until)
    {
        ManualTimer? best = null;
        foreach (var timer in _scheduled)
        {
            if (timer.DueAt <= until &&
                (best is null || timer.DueAt < best.DueAt || (timer.DueAt == best.DueAt && timer.Sequence < best.Sequence)))
            {
                best = timer;
            }
        }

        return best;
    }

    private void RescheduleAfterFiringLocked(ManualTimer timer)
    {
        if (timer.Period is { } period)
        {
            timer.DueAt += period;
        }
        else
        {
            UnscheduleLocked(timer);
        }
    }

    private void UnscheduleLocked(ManualTimer timer)
    {
        if (timer.Scheduled)
        {
            timer.Scheduled = false;
            _scheduled.Remove(timer);
        }
    }
}
