using System.Diagnostics;
using ChatApis.Http;
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

    /// <summary>Now, on the gate's clock.</summary>
    internal DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>A gate that never waits (shared: disposing it does nothing).</summary>
    public static RateLimitGate Unlimited { get; } = new([]);

    /// <summary>The budgets' limiters, by name.</summary>
    public IReadOnlyDictionary<string, SlidingWindowLogRateLimiter> Limiters => _limiters;

    /// <summary>Waits until the general budget and <paramref name="budget"/> (if any) both have room.</summary>
    /// <param name="budget">The extra budget the request draws from, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>
    /// The request's permits and how long it waited. Release the ticket (<see cref="RateLimitTicket.Release"/> or
    /// <see cref="RateLimitTicket.Dispose"/>) when the response came back or the request was not sent: until then
    /// its permits count as in flight, and from then on for a window.
    /// </returns>
    /// <exception cref="ObjectDisposedException">The gate was disposed (its client was) before or while the request waited; the request was not sent.</exception>
    public async ValueTask<RateLimitTicket> WaitAsync(string? budget, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            throw Disposed();
        }

        if (_limiters.Count == 0)
        {
            return RateLimitTicket.None;
        }

        var started = _time.GetTimestamp();
        _limiters.TryGetValue(RateLimitBudget.General, out var general);
        SlidingWindowLogRateLimiter? specific = null;
        if (budget is not null && budget != RateLimitBudget.General)
        {
            _limiters.TryGetValue(budget, out specific);
        }

        var ticket = new RateLimitTicket(this, specific is null ? null : budget);
        try
        {
            if (general is not null)
            {
                ticket.General = await AcquireAsync(general, cancellationToken).ConfigureAwait(false);
            }

            if (specific is not null)
            {
                ticket.Specific = await AcquireAsync(specific, cancellationToken).ConfigureAwait(false);
            }

            // Across processes, last of all: the rarer endpoint budget first, then the general one. A shared permit
            // counts as in flight until the ticket is released, so holding it while waiting for the other costs
            // nothing in correctness.
            if (_shared is not null)
            {
                if (specific is not null)
                {
                    ticket.SharedSpecific = await WaitSharedAsync(_budgets[budget!], cancellationToken).ConfigureAwait(false);
                }

                if (_generalBudget is not null)
                {
                    ticket.SharedGeneral = await WaitSharedAsync(_generalBudget, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // Permits already taken were not used for a request: they count from now, as if sent.
            ticket.Dispose();
            throw;
        }

        ticket.Waited = _time.GetElapsedTime(started);
        Debug.Assert(ticket.Waited >= TimeSpan.Zero);
        return ticket;
    }

    /// <summary>
    /// Learns from a response's rate-limit headers (the general budget's): when the server has fewer requests
    /// left than this gate's own count explains, someone else uses the budget, and the gate keeps below the limit
    /// by that much until the server's window resets (see <see cref="SlidingWindowLogRateLimiter.ObserveServerRemaining"/>).
    /// A ticket released with the response does this itself; this is for a response seen outside a ticket.
    /// </summary>
    /// <param name="info">The response's rate-limit headers, or <c>null</c>.</param>
    public void ObserveServerBudget(RateLimitInfo? info)
    {
        if (info is { Remaining: { } remaining, ResetAt: { } resetAt } && _limiters.TryGetValue(RateLimitBudget.General, out var general))
        {
            general.ObserveServerRemaining(remaining, resetAt);
        }
    }

    // A ticket's shared permits: their requests came back (or never went), so they count from now; the response's
    // remaining count goes along, for the shared budget to learn from.
    internal void ReleaseShared(string? budget, string? specificPermit, string? generalPermit, RateLimitInfo? observed)
    {
        if (specificPermit is not null && budget is not null)
        {
            _ = ReleaseSharedAsync(_budgets[budget], specificPermit, null);
        }

        if (generalPermit is not null)
        {
            ServerRemaining? server = null;
            if (observed is { Remaining: { } remaining, ResetAt: { } resetAt })
            {
                var resetIn = resetAt - _time.GetUtcNow();
                if (resetIn > TimeSpan.Zero)
                {
                    server = new ServerRemaining(remaining, resetIn);
                }
            }

            _ = ReleaseSharedAsync(_generalBudget!, generalPermit, server);
        }
    }

    private async Task ReleaseSharedAsync(RateLimitBudget budget, string permitId, ServerRemaining? observed)
    {
        try
        {
            await _shared!.ReleaseAsync(budget, permitId, observed, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Best effort: an unreleased permit still leaves the shared window on its own (see ISharedRateLimiter).
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Diagnostics.Log.SharedRateLimitUnavailable(_logger, budget.Name, ex.GetType().Name);
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
