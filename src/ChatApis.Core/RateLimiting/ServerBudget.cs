namespace ChatApis.RateLimiting;

/// <summary>
/// What the server last said about its own window (<c>X-RateLimit-Remaining</c> until <c>X-RateLimit-Reset</c>),
/// so the gate never lets more requests start before the reset than the server said it has left. The client's
/// sliding window and a server's fixed window disagree at the window boundary (a burst granted just after the
/// client's window slid may land in the server's old window); the server's own count settles it.
/// </summary>
internal sealed class ServerBudget(TimeProvider time)
{
    // Two reports whose resets are this close describe the same server window (the headers have 1 s resolution).
    private static readonly TimeSpan SameWindow = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private long _resetAt;       // local timestamp of the server's reset; 0 when nothing is known
    private int _left;           // requests that may still start before _resetAt
    private int _inFlight;       // requests sent whose response is not in yet

    /// <summary>A request went out (it may be counted by the server before its response tells us).</summary>
    public void Started() => Interlocked.Increment(ref _inFlight);

    /// <summary>A response came back (or the attempt ended without one): learn from its headers, if any.</summary>
    public void Ended(int? remaining, DateTimeOffset? resetAt, DateTimeOffset? serverDate)
    {
        lock (_lock)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            if (remaining is not { } r || resetAt is not { } reset)
            {
                return;
            }

            // Measure the reset against the server's own clock only when it is visibly skewed from ours.
            var now = time.GetUtcNow();
            var reference = serverDate is { } date && (date - now).Duration() > TimeSpan.FromSeconds(2) ? date : now;
            var untilReset = reset - reference;
            if (untilReset <= TimeSpan.Zero || untilReset > LongestWait)
            {
                return;
            }

            var resetTimestamp = time.GetTimestamp() + (long)(untilReset.TotalSeconds * time.TimestampFrequency);
            var left = Math.Max(0, r - _inFlight);
            var sameWindow = _resetAt != 0 && Math.Abs(resetTimestamp - _resetAt) <= (long)(SameWindow.TotalSeconds * time.TimestampFrequency);
            if (sameWindow)
            {
                _left = Math.Min(_left, left);
                _resetAt = Math.Max(_resetAt, resetTimestamp);
            }
            else if (resetTimestamp > _resetAt)
            {
                _resetAt = resetTimestamp;
                _left = left;
            }
        }
    }

    /// <summary>Takes a start if the server's window has one left; otherwise how long until it resets.</summary>
    public TimeSpan TryStart()
    {
        lock (_lock)
        {
            if (_resetAt == 0)
            {
                return TimeSpan.Zero;
            }

            var now = time.GetTimestamp();
            if (now >= _resetAt)
            {
                _resetAt = 0;
                return TimeSpan.Zero;
            }

            if (_left > 0)
            {
                _left--;
                return TimeSpan.Zero;
            }

            return time.GetElapsedTime(now, _resetAt);
        }
    }
}
