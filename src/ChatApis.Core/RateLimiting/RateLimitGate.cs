using System.Diagnostics;

namespace ChatApis.RateLimiting;

/// <summary>
/// The client-side limiters of one client (one connected account): the general budget plus any
/// per-endpoint budgets. A request waits here, in order, until every budget it draws from has room.
/// </summary>
public sealed class RateLimitGate : IDisposable
{
    private readonly Dictionary<string, SlidingWindowLogRateLimiter> _limiters = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

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

    /// <summary>A gate that never waits.</summary>
    public static RateLimitGate Unlimited { get; } = new([]);

    /// <summary>The budgets' limiters, by name.</summary>
    public IReadOnlyDictionary<string, SlidingWindowLogRateLimiter> Limiters => _limiters;

    /// <summary>Waits until the general budget and <paramref name="budget"/> (if any) both have room.</summary>
    /// <param name="budget">The extra budget the request draws from, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>How long the request waited.</returns>
    public async ValueTask<TimeSpan> WaitAsync(string? budget, CancellationToken cancellationToken)
    {
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
            generalLease = await general.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            EnsureAcquired(generalLease);
        }

        if (specific is not null)
        {
            EnsureAcquired(await specific.AcquireAsync(1, cancellationToken).ConfigureAwait(false));

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

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static void EnsureAcquired(System.Threading.RateLimiting.RateLimitLease lease)
    {
        if (!lease.IsAcquired)
        {
            throw new ObjectDisposedException(nameof(RateLimitGate), "The client's rate limiter was disposed while a request was waiting.");
        }
    }
}
