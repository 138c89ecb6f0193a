using System.Threading.RateLimiting;

namespace ChatApis.RateLimiting;

/// <summary>
/// A rate limiter that grants at most <c>permitLimit</c> permits in ANY window of length
/// <c>window</c>, by remembering when each recent permit was granted. Unlike a client-side fixed
/// window, this can never put more than the limit into whatever window the server counts, so a
/// burst queues instead of drawing 429s. Time comes from an injected <see cref="TimeProvider"/>.
/// Waiters are served first in, first out.
/// </summary>
public sealed class SlidingWindowLogRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true);
    private static readonly RateLimitLease Refused = new Lease(false);

    private readonly object _gate = new();
    private readonly LinkedList<DateTimeOffset> _grants = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly TimeProvider _time;
    private ITimer? _timer;
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
                CurrentAvailablePermits = PermitLimit - _grants.Count,
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _totalSuccessful,
                TotalFailedLeases = _totalFailed,
            };
        }
    }

    /// <summary>
    /// Moves the grant time of a permit taken earlier to now. A caller that holds this permit while
    /// it waited for another limiter calls this so the window is counted from the real send time.
    /// </summary>
    /// <param name="lease">A lease this limiter granted.</param>
    public void Restamp(RateLimitLease lease)
    {
        if (lease is not StampedLease stamped || !ReferenceEquals(stamped.Owner, this))
        {
            return;
        }

        lock (_gate)
        {
            if (stamped.Node.List == _grants)
            {
                _grants.Remove(stamped.Node);
                stamped.Node.Value = _time.GetUtcNow();
                _grants.AddLast(stamped.Node);
            }
        }
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
                return _grants.Count < PermitLimit ? Granted : Refused;
            }

            if (_waiters.Count == 0 && _grants.Count < PermitLimit)
            {
                return Grant(now);
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
            if (permitCount == 0 || (_waiters.Count == 0 && _grants.Count < PermitLimit))
            {
                return new ValueTask<RateLimitLease>(permitCount == 0 ? Granted : Grant(now));
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

    private StampedLease Grant(DateTimeOffset now)
    {
        _totalSuccessful++;
        return new StampedLease(this, _grants.AddLast(now));
    }

    private void Prune(DateTimeOffset now)
    {
        while (_grants.First is { } oldest && oldest.Value + Window <= now)
        {
            _grants.RemoveFirst();
        }
    }

    // Called under the lock: one timer for the whole queue, due when the oldest grant leaves the window.
    private void ScheduleWakeUp(DateTimeOffset now)
    {
        if (_waiters.Count == 0 || _grants.First is not { } oldest)
        {
            return;
        }

        var due = oldest.Value + Window - now;
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
        List<(Waiter Waiter, RateLimitLease Lease)>? ready = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _time.GetUtcNow();
            Prune(now);
            while (_grants.Count < PermitLimit && _waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                (ready ??= []).Add((first.Value, Grant(now)));
            }

            ScheduleWakeUp(now);
        }

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

    // A granted permit is not handed back on dispose: it stays counted until it leaves the window,
    // because the request it admitted has been (or is being) sent.
    private sealed class StampedLease(SlidingWindowLogRateLimiter owner, LinkedListNode<DateTimeOffset> node) : RateLimitLease
    {
        public SlidingWindowLogRateLimiter Owner { get; } = owner;

        public LinkedListNode<DateTimeOffset> Node { get; } = node;

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
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
