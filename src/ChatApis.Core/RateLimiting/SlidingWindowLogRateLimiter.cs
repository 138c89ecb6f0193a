using System.Threading.RateLimiting;

namespace ChatApis.RateLimiting;

/// <summary>
/// A rate limiter that lets at most <c>permitLimit</c> requests reach the server in ANY window of length
/// <c>window</c>, whatever the server's window boundaries are, so a burst queues instead of drawing 429s.
/// A permit counts from the moment it is granted until a window after its lease is disposed: the server counts
/// a request when it ARRIVES, which is after the grant and before the response comes back, so "in flight, then
/// a window from its response" always covers the server's count, even when a later request overtakes an earlier
/// one on the wire. Dispose each lease when its request's response came back (or when it was never sent).
/// Time comes from an injected <see cref="TimeProvider"/>. Waiters are served first in, first out.
/// </summary>
/// <remarks>
/// The limiter also learns from the server (<see cref="ObserveServerRemaining"/>): when the server reports fewer
/// requests left than this limiter's own count explains, someone else is using the same budget, and this limiter
/// lowers its limit by that difference until the server's window resets.
/// </remarks>
public sealed class SlidingWindowLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly object _gate = new();
    private readonly LinkedList<DateTimeOffset> _grants = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly TimeProvider _time;
    private ITimer? _timer;

    // Permits granted whose lease is not disposed yet: their requests may still reach the server at any moment.
    private int _inFlight;

    // Requests the server counted that this limiter did not grant (another client on the same budget), learned
    // from its remaining count, and until when that holds (the server's reset, at most a window ahead).
    private int _foreign;
    private DateTimeOffset _foreignUntil;
    private long _totalSuccessful;
    private long _totalFailed;
    private bool _disposed;

    /// <summary>Creates the limiter.</summary>
    /// <param name="permitLimit">The most permits in any window; at least 1.</param>
    /// <param name="window">The window length; positive.</param>
    /// <param name="timeProvider">The clock (tests pass a manual one).</param>
    public SlidingWindowLogRateLimiter(int permitLimit, TimeSpan window, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        PermitLimit = permitLimit;
        Window = window;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most permits granted in any window.</summary>
    public int PermitLimit { get; }

    /// <summary>The window length.</summary>
    public TimeSpan Window { get; }

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Prune(_time.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = Math.Max(0, EffectiveLimit(_time.GetUtcNow()) - Occupied),
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _totalSuccessful,
                TotalFailedLeases = _totalFailed,
            };
        }
    }

    /// <summary>Permits granted whose lease has not been disposed: requests that may still reach the server.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>
    /// Learns from a response's <c>X-RateLimit-Remaining</c>: if the server has fewer requests left than this
    /// limiter's own count explains (it grants at most <see cref="PermitLimit"/> and knows of every permit still
    /// counting), the difference is someone else's use of the same budget, and this limiter keeps that much
    /// below its limit until <paramref name="resetAt"/> (at most a window from now). A report that explains
    /// nothing new changes nothing: the limiter never lets more through because of what a server said.
    /// </summary>
    /// <param name="remaining">The requests the server says are left in its window (negative counts as 0).</param>
    /// <param name="resetAt">When the server's window resets; ignored when already past.</param>
    public void ObserveServerRemaining(int remaining, DateTimeOffset resetAt)
    {
        List<(Waiter Waiter, RateLimitLease Lease)>? ready;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_disposed || resetAt <= now)
            {
                return;
            }

            Prune(now);
            var foreign = PermitLimit - Occupied - Math.Max(0, remaining);
            if (foreign <= 0)
            {
                return;
            }

            // The largest lower bound seen for this window; a hostile far-future reset holds for one window only.
            var until = resetAt < now + Window ? resetAt : now + Window;
            if (now >= _foreignUntil)
            {
                _foreign = 0;
            }

            _foreign = Math.Max(_foreign, Math.Min(foreign, PermitLimit));
            _foreignUntil = until > _foreignUntil ? until : _foreignUntil;
            ready = GrantWaiting(now);
        }

        Complete(ready);
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            Prune(now);
            if (permitCount == 0)
            {
                return HasRoom(now) ? Granted : Refused;
            }

            if (_waiters.Count == 0 && HasRoom(now))
            {
                return Grant();
            }

            _totalFailed++;
            return Refused;
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            Prune(now);
            if (permitCount == 0 || (_waiters.Count == 0 && HasRoom(now)))
            {
                return new ValueTask<RateLimitLease>(permitCount == 0 ? Granted : Grant());
            }

            waiter = new Waiter();
            waiter.Node = _waiters.AddLast(waiter);
            ScheduleWakeUp(now);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        List<Waiter> pending;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            pending = [.. _waiters];
            _waiters.Clear();
        }

        foreach (var waiter in pending)
        {
            waiter.Registration.Dispose();
            waiter.Completion.TrySetResult(Refused);
        }

        base.Dispose(disposing);
    }

    private static void CheckCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Permits are acquired one request at a time: permitCount must be 0 or 1.");
        }
    }

    private int Occupied => _grants.Count + _inFlight;

    // Called under the lock.
    private bool HasRoom(DateTimeOffset now) => Occupied < EffectiveLimit(now);

    // Called under the lock: the limit less the requests someone else was seen to use in the server's window.
    private int EffectiveLimit(DateTimeOffset now) => now < _foreignUntil ? PermitLimit - _foreign : PermitLimit;

    private StampedLease Grant()
    {
        _totalSuccessful++;
        _inFlight++;
        return new StampedLease(this);
    }

    // The lease's request came back (or never went): it counts for a window from now.
    private void Release(StampedLease lease)
    {
        List<(Waiter Waiter, RateLimitLease Lease)>? ready;
        lock (_gate)
        {
            _inFlight--;
            var now = _time.GetUtcNow();
            _grants.AddLast(now);
            if (_disposed)
            {
                return;
            }

            ready = GrantWaiting(now);
        }

        Complete(ready);
    }

    private void Prune(DateTimeOffset now)
    {
        while (_grants.First is { } oldest && oldest.Value + Window <= now)
        {
            _grants.RemoveFirst();
        }
    }

    // Called under the lock: one timer for the whole queue, due when the oldest permit leaves the window or the
    // learned foreign use expires, whichever is first. Permits in flight free nothing until released (which
    // reschedules), so with none counted yet there is nothing to wait for on the clock.
    private void ScheduleWakeUp(DateTimeOffset now)
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        DateTimeOffset? next = _grants.First is { } oldest ? oldest.Value + Window : null;
        if (now < _foreignUntil && (next is null || _foreignUntil < next))
        {
            next = _foreignUntil;
        }

        if (next is null)
        {
            return;
        }

        var due = next.Value - now;
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = _time.CreateTimer(static s => ((SlidingWindowLogRateLimiter)s!).OnWakeUp(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnWakeUp()
    {
        List<(Waiter Waiter, RateLimitLease Lease)>? ready;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            ready = GrantWaiting(_time.GetUtcNow());
        }

        Complete(ready);
    }

    // Called under the lock: grants waiters in order while there is room, and sets the next wake-up.
    private List<(Waiter Waiter, RateLimitLease Lease)>? GrantWaiting(DateTimeOffset now)
    {
        List<(Waiter Waiter, RateLimitLease Lease)>? ready = null;
        Prune(now);
        while (HasRoom(now) && _waiters.First is { } first)
        {
            _waiters.RemoveFirst();
            (ready ??= []).Add((first.Value, Grant()));
        }

        ScheduleWakeUp(now);
        return ready;
    }

    // Outside the lock: hands the granted leases to their waiters (a waiter cancelled meanwhile gives it back).
    private static void Complete(List<(Waiter Waiter, RateLimitLease Lease)>? ready)
    {
        if (ready is null)
        {
            return;
        }

        foreach (var (waiter, lease) in ready)
        {
            waiter.Registration.Dispose();
            if (!waiter.Completion.TrySetResult(lease))
            {
                lease.Dispose();
            }
        }
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (waiter.Node?.List != _waiters)
            {
                return;
            }

            _waiters.Remove(waiter.Node);
        }

        waiter.Completion.TrySetCanceled(cancellationToken);
    }

    private sealed class Waiter
    {
        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    // A granted permit is not handed back on dispose: its request has been (or may have been) sent, so it counts
    // for a window from then on. Disposing twice counts once.
    private sealed class StampedLease(SlidingWindowLogRateLimiter owner) : RateLimitLease
    {
        private int _released;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(this);
            }
        }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
