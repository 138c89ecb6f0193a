using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.Cancellation;

/// <summary>
/// A <see cref="ManualTimeProvider"/> that also tells a test when code under test starts a timer of a
/// given length: the moment a call starts its retry wait (a timer as long as the server's Retry-After)
/// or its rate-limit wait (a timer as long as the budget's window). The clock itself only moves when the
/// test moves it, so a call that ends while it stands still ended without any timer firing.
/// </summary>
public sealed class WatchedClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Started)> _watches = [];
    private readonly List<TimeSpan> _started = [];

    public ManualTimeProvider Inner { get; } = new();

    /// <summary>The due times of every timer started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Started
    {
        get { lock (_gate) { return _started.ToArray(); } }
    }

    public override TimeZoneInfo LocalTimeZone => Inner.LocalTimeZone;

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => Inner.GetTimestamp();

    /// <summary>Completes when a timer due in exactly <paramref name="dueTime"/> has been started (or already was).</summary>
    /// <param name="dueTime">The timer's due time.</param>
    /// <returns>The task (unbounded: await it with a bound).</returns>
    public Task TimerStarted(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_started.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var watch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watches.Add((dueTime, watch));
            return watch.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Inner.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> started = [];
        lock (_gate)
        {
            _started.Add(dueTime);
            foreach (var watch in _watches.Where(w => w.DueTime == dueTime).ToList())
            {
                _watches.Remove(watch);
                started.Add(watch.Started);
            }
        }

        started.ForEach(s => s.TrySetResult());
        return timer;
    }
}
