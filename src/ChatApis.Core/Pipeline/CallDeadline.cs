namespace ChatApis.Pipeline;

/// <summary>
/// A call's total time limit (the options' <c>TotalTimeout</c>, or the caller's <c>RequestOptions.Timeout</c>),
/// counted from when the call got its turn at the rate limiter: every attempt, backoff wait and retry's turn
/// at the limiter fits inside it.
/// </summary>
internal readonly struct CallDeadline(TimeProvider time, long start, TimeSpan total)
{
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(1);

    public TimeSpan Total => total;

    /// <summary>What is left of the limit (zero or negative once it passed).</summary>
    public TimeSpan Remaining => total - time.GetElapsedTime(start);

    /// <summary>The due time of a timer that fires when the limit passes (at least 1 ms, so it can be set).</summary>
    public TimeSpan TimerDue => Remaining > Floor ? Remaining : Floor;

    /// <summary>The first attempt's timeout: its own limit, or the call's when that is shorter.</summary>
    public TimeSpan FirstAttempt(TimeSpan attemptTimeout) => attemptTimeout < total ? attemptTimeout : total;
}
