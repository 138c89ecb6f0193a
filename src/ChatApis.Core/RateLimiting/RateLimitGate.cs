using System.Diagnostics;

namespace ChatApis.RateLimiting;

/// <summary>
/// The client-side limiters of one client (one connected account): the general budget plus any
/// per-endpoint budgets. A request waits here, in order, until every budget it draws from has room.
/// </summary>
/// <remarks>
/// Disposing the gate (the client that owns it does so in its own <c>Dispose</c>) ends every waiting
/// request at once with an <see cref="ObjectDisposedException"/>: such a request was never sent. A request
/// that arrives after that fails the same way.
/// </remarks>
public sealed class RateLimitGate : IDisposable
{
    private readonly Dictionary<string, SlidingWindowLogRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private volatile bool _disposed;

    /// <summary>Creates a gate for the declared budgets.</summary>
    /// <param name="budgets">The budgets; at most one per name.</param>
    /// <param name="timeProvider">The clock.</param>
    public RateLimitGate(IEnumerable<RateLimitBudget> budgets, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        _time = timeProvider ?? TimeProvider.System;
        foreach (var budget in budgets)
        {
            _limiters.Add(budget.Name, new SlidingWindowLogRateLimiter(budget.PermitLimit, budget.Window, _time));
        }
    }

    /// <summary>A gate that never waits (shared: disposing it does nothing).</summary>
    public static RateLimitGate Unlimited { get; } = new([]);

    /// <summary>The budgets' limiters, by name.</summary>
    public IReadOnlyDictionary<string, SlidingWindowLogRateLimiter> Limiters => _limiters;

    /// <summary>Waits until the general budget and <paramref name="budget"/> (if any) both have room.</summary>
    /// <param name="budget">The extra budget the request draws from, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How long the request waited.</returns>
    /// <exception cref="ObjectDisposedException">The gate was disposed (its client was) before or while the request waited; the request was not sent.</exception>
    public async ValueTask<TimeSpan> WaitAsync(string? budget, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            throw Disposed();
        }

        if (_limiters.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var started = _time.GetTimestamp();
        _limiters.TryGetValue(RateLimitBudget.General, out var general);
        SlidingWindowLogRateLimiter? specific = null;
        if (budget is not null && budget != RateLimitBudget.General)
        {
            _limiters.TryGetValue(budget, out specific);
        }

        System.Threading.RateLimiting.RateLimitLease? generalLease = null;
        if (general is not null)
        {
            generalLease = await AcquireAsync(general, cancellationToken).ConfigureAwait(false);
        }

        if (specific is not null)
        {
            await AcquireAsync(specific, cancellationToken).ConfigureAwait(false);

            // The general permit was taken before the wait for the specific one: count it from now.
            if (generalLease is not null)
            {
                general!.Restamp(generalLease);
            }
        }

        var waited = _time.GetElapsedTime(started);
        Debug.Assert(waited >= TimeSpan.Zero);
        return waited;
    }

    /// <summary>Ends every waiting request with an <see cref="ObjectDisposedException"/> and refuses new ones.</summary>
    public void Dispose()
    {
        if (_limiters.Count == 0)
        {
            // Nothing waits at a gate without budgets, and Unlimited is shared by every client that turned
            // rate limiting off: one client's disposal must not break the others.
            return;
        }

        _disposed = true;
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static ObjectDisposedException Disposed() =>
        new(nameof(RateLimitGate), "The client was disposed before this request got its turn under the client-side rate limit; the request was not sent.");

    // A limiter refuses a waiter only when it is disposed (the waits are unbounded otherwise), and throws
    // when it already was: both are this gate's disposal, reported alike.
    private static async ValueTask<System.Threading.RateLimiting.RateLimitLease> AcquireAsync(SlidingWindowLogRateLimiter limiter, CancellationToken cancellationToken)
    {
        System.Threading.RateLimiting.RateLimitLease lease;
        try
        {
            lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            throw Disposed();
        }

        return lease.IsAcquired ? lease : throw Disposed();
    }
}
