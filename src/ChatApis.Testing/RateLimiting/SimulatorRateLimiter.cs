using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>How a simulator counts its window.</summary>
public enum SimulatorWindowKind
{
    /// <summary>A key's window starts at its first request and ends a window later (then a new one starts).</summary>
    Fixed,

    /// <summary>At most the limit in any window-long interval (each request counts until a window after it).</summary>
    Sliding,
}

/// <summary>
/// A fixed-window (or, optionally, sliding-window) request counter per key (an API key, an account), for simulators of APIs that answer
/// 429. A key's window starts at its first request and ends <c>window</c> later; the time always comes
/// from the given <see cref="TimeProvider"/>, so a <see cref="ManualTimeProvider"/> controls it. Thread-safe.
/// </summary>
public sealed class SimulatorRateLimiter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KeyWindow> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates a limiter allowing <paramref name="limit"/> requests per key per <paramref name="window"/>.</summary>
    /// <param name="limit">Requests allowed per window; at least 1.</param>
    /// <param name="window">Length of a window; positive.</param>
    /// <param name="time">The clock windows are measured with.</param>
    public SimulatorRateLimiter(int limit, TimeSpan window, TimeProvider time)
        : this(limit, window, time, SimulatorWindowKind.Fixed)
    {
    }

    /// <summary>Creates a limiter allowing <paramref name="limit"/> requests per key per <paramref name="window"/>, counted as <paramref name="kind"/> says.</summary>
    /// <param name="limit">Requests allowed per window; at least 1.</param>
    /// <param name="window">Length of a window; positive.</param>
    /// <param name="time">The clock windows are measured with.</param>
    /// <param name="kind">Fixed or sliding windows.</param>
    public SimulatorRateLimiter(int limit, TimeSpan window, TimeProvider time, SimulatorWindowKind kind)
    {
        Kind = kind;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        Limit = limit;
        Window = window;
        _time = time;
    }

    /// <summary>Requests allowed per key per window.</summary>
    public int Limit { get; }

    /// <summary>Length of a window.</summary>
    public TimeSpan Window { get; }

    /// <summary>How the window is counted.</summary>
    public SimulatorWindowKind Kind { get; }

    /// <summary>How many requests were refused (answered 429) so far.</summary>
    public int Rejections => Volatile.Read(ref _rejections);

    private int _rejections;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sliding = new(StringComparer.Ordinal);

    /// <summary>Counts a request for <paramref name="key"/> if its window still has room.</summary>
    /// <param name="key">Whose budget to charge.</param>
    /// <returns>Whether the request is allowed, and the numbers to report in headers.</returns>
    public RateLimitDecision TryAcquire(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        if (Kind == SimulatorWindowKind.Sliding)
        {
            return TryAcquireSliding(key, now);
        }

        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window) || now >= window.ResetAt)
            {
                window = new KeyWindow(now + Window);
                _windows[key] = window;
            }

            // Rejected requests are not counted: a client that keeps hammering is not punished
            // beyond the window it already used up, as most vendors behave.
            var allowed = window.Used < Limit;
            if (allowed)
            {
                window.Used++;
            }
            else
            {
                _rejections++;
            }

            return new RateLimitDecision(allowed, Limit, Limit - window.Used, window.ResetAt);
        }
    }

    /// <summary>Forgets every key's window, as if no request had been made.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
            _sliding.Clear();
        }
    }

    // At most Limit grants in any Window: the oldest grant leaves the window a Window after it was made.
    private RateLimitDecision TryAcquireSliding(string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_sliding.TryGetValue(key, out var grants))
            {
                _sliding[key] = grants = new Queue<DateTimeOffset>();
            }

            while (grants.Count > 0 && grants.Peek() + Window <= now)
            {
                grants.Dequeue();
            }

            var allowed = grants.Count < Limit;
            if (allowed)
            {
                grants.Enqueue(now);
            }
            else
            {
                _rejections++;
            }

            var resetAt = grants.Count == 0 ? now : grants.Peek() + Window;
            return new RateLimitDecision(allowed, Limit, Limit - grants.Count, resetAt);
        }
    }

    /// <summary>Sets <c>X-RateLimit-Limit</c>, <c>X-RateLimit-Remaining</c> and <c>X-RateLimit-Reset</c> (Unix epoch seconds).</summary>
    /// <param name="response">The response to add the headers to.</param>
    /// <param name="d">The decision to report.</param>
    public void WriteHeaders(HttpResponse response, RateLimitDecision d)
    {
        ArgumentNullException.ThrowIfNull(response);

        // Rounded up: a client that waits until the advertised second must find the window reset.
        var resetSeconds = (d.ResetAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        response.Headers["X-RateLimit-Limit"] = d.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Remaining"] = d.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Reset"] = resetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class KeyWindow(DateTimeOffset resetAt)
    {
        public DateTimeOffset ResetAt { get; } = resetAt;

        public int Used { get; set; }
    }
}
