using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>
/// A fixed-window request counter per key (an API key, an account), for simulators of APIs that answer
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
    {
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

    /// <summary>Counts a request for <paramref name="key"/> if its window still has room.</summary>
    /// <param name="key">Whose budget to charge.</param>
    /// <returns>Whether the request is allowed, and the numbers to report in headers.</returns>
    public RateLimitDecision TryAcquire(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
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

            return new RateLimitDecision(allowed, Limit, Limit - window.Used, window.ResetAt);
        }
    }

    /// <summary>Forgets every key's window, as if no request had been made.</summary>
    public void Reset()
    {
        lock (_gate) { _windows.Clear(); }
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
