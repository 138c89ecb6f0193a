using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.OAuth;

/// <summary>
/// A <see cref="ManualTimeProvider"/> seen through a wrapper that says when a timer of a given due time
/// is created, so a test moves the clock only once the code under test is waiting on that timer.
/// </summary>
internal sealed class TimerWatchingClock(ManualTimeProvider inner, TimeSpan watchedDueTime) : TimeProvider
{
    public ManualTimeProvider Inner => inner;

    /// <summary>Completed when the first timer with the watched due time is created.</summary>
    public TaskCompletionSource Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        if (dueTime == watchedDueTime)
        {
            Created.TrySetResult();
        }

        return timer;
    }
}
