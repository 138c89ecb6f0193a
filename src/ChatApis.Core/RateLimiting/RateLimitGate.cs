using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
    private readonly RateLimitBudget? _generalBudget;
    private readonly Dictionary<string, RateLimitBudget> _budgets = new(StringComparer.Ordinal);
    private readonly ISharedRateLimiter? _shared;
    private readonly ILogger _logger;
    private int _sharedFailures;

    // Shared permits granted whose request has not come back yet, oldest first. When a response comes back the oldest
    // is counted from then on instead of from its grant (see RequestEnded). Bounded: a granted call that never sent
    // (cancelled in between) must not grow it forever.
    private readonly Queue<string> _pending = new();
    private const int MaxPending = 4096;

    /// <summary>Creates a gate for the declared budgets.</summary>
    /// <param name="budgets">The budgets; at most one per name.</param>
    /// <param name="timeProvider">The clock.</param>
    public RateLimitGate(IEnumerable<RateLimitBudget> budgets, TimeProvider? timeProvider = null)
        : this(budgets, timeProvider, shared: null, logger: null)
    {
    }

    /// <summary>Creates a gate for the declared budgets that also draws from a budget shared with other processes.</summary>
    /// <param name="budgets">The budgets; at most one per name.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="shared">The budget shared with the other instances using the same account, if any.</param>
    /// <param name="logger">Where to log a fallback to the in-process limit (never a credential).</param>
    public RateLimitGate(IEnumerable<RateLimitBudget> budgets, TimeProvider? timeProvider, ISharedRateLimiter? shared, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        _time = timeProvider ?? TimeProvider.System;
        _shared = shared;
        _logger = logger ?? NullLogger.Instance;
        foreach (var budget in budgets)
        {
            _limiters.Add(budget.Name, new SlidingWindowLogRateLimiter(budget.PermitLimit, budget.Window, _time));
            _budgets.Add(budget.Name, budget);
        }

        _budgets.TryGetValue(RateLimitBudget.General, out _generalBudget);
    }

    /// <summary>How many times the shared budget could not be reached and the in-process limit alone was applied.</summary>
    public int SharedBudgetFailures => Volatile.Read(ref _sharedFailures);

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

        string? sharedPermit = null;

        // Across processes, last of all so the shared grant is stamped as close to the send as possible (a
        // permit taken and then held while waiting for something else would count in the wrong window): the
        // rarer endpoint budget first, then the general one.
        if (_shared is not null)
        {
            if (specific is not null)
            {
                await WaitSharedAsync(_budgets[budget!], cancellationToken).ConfigureAwait(false);
            }

            if (_generalBudget is not null)
            {
                sharedPermit = await WaitSharedAsync(_generalBudget, cancellationToken).ConfigureAwait(false);
            }
        }

        if (sharedPermit is not null)
        {
            lock (_pending)
            {
                if (_pending.Count == MaxPending)
                {
                    _pending.Dequeue();
                }

                _pending.Enqueue(sharedPermit);
            }
        }

        var waited = _time.GetElapsedTime(started);
        Debug.Assert(waited >= TimeSpan.Zero);
        return waited;
    }

    /// <summary>
    /// Notes that a request this gate let through came back (or ended without a response): the oldest shared permit
    /// still outstanding is counted from now (see the remarks inside).
    /// </summary>
    public void RequestEnded()
    {
        if (_limiters.Count == 0 || _shared is null)
        {
            return;
        }

        // Across instances the server counted the request when it arrived, which may be well after another
        // instance's permit was granted: count the oldest outstanding shared permit from now, so the shared window is
        // measured the way the server measures it. (Any outstanding permit will do: they are interchangeable, and
        // moving a stamp later only makes the limiter stricter.)
        string? oldest;
        lock (_pending)
        {
            _pending.TryDequeue(out oldest);
        }

        if (oldest is not null && _generalBudget is not null)
        {
            _ = RestampSharedAsync(oldest);
        }
    }

    private async Task RestampSharedAsync(string permitId)
    {
        try
        {
            await _shared!.RestampAsync(_generalBudget!, permitId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Best effort: the permit then counts from its grant, as it would without this step.
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Diagnostics.Log.SharedRateLimitUnavailable(_logger, _generalBudget!.Name, ex.GetType().Name);
            }
        }
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

    private async ValueTask<string?> WaitSharedAsync(RateLimitBudget budget, CancellationToken cancellationToken)
    {
        while (true)
        {
            SharedPermit permit;
            try
            {
                permit = await _shared!.TryAcquireAsync(budget, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The documented fallback: this process keeps to the whole budget on its own (the server's 429s,
                // retried after their hint, cover the overlap with other instances) and says so.
                if (Interlocked.Increment(ref _sharedFailures) == 1 || _logger.IsEnabled(LogLevel.Debug))
                {
                    Diagnostics.Log.SharedRateLimitUnavailable(_logger, budget.Name, ex.GetType().Name);
                }

                return null;
            }

            if (permit.IsAcquired)
            {
                return permit.PermitId;
            }

            await Task.Delay(permit.RetryAfter > TimeSpan.Zero ? permit.RetryAfter : TimeSpan.FromMilliseconds(1), _time, cancellationToken).ConfigureAwait(false);
            if (_disposed)
            {
                throw Disposed();
            }
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
