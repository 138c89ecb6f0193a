using System.Collections.Concurrent;

namespace ChatApis.Pipeline;

/// <summary>
/// The cancellation sources that bound each attempt. A source that is not linked to the caller's token is
/// reused across calls (with its timer), so a call whose caller cannot cancel allocates none.
/// </summary>
internal sealed class AttemptTimeouts(TimeProvider time)
{
    private const int MaxPooled = 64;
    private readonly ConcurrentQueue<CancellationTokenSource> _pool = new();

    /// <summary>Starts an attempt's timer; dispose the lease when the attempt (body included) is over.</summary>
    public Lease Start(TimeSpan timeout, CancellationToken caller)
    {
        var pooled = !caller.CanBeCanceled;
        var source = pooled
            ? (_pool.TryDequeue(out var reused) ? reused : new CancellationTokenSource())
            : CancellationTokenSource.CreateLinkedTokenSource(caller);

        // TimeProvider.System cancels through the runtime's timer queue; any other clock (a test's) drives it.
        ITimer? timer = null;
        if (ReferenceEquals(time, TimeProvider.System))
        {
            source.CancelAfter(timeout);
        }
        else
        {
            timer = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), source, timeout, Timeout.InfiniteTimeSpan);
        }

        return new Lease(this, source, timer, pooled);
    }

    private void Return(CancellationTokenSource source, bool pooled)
    {
        if (pooled && _pool.Count < MaxPooled && source.TryReset())
        {
            _pool.Enqueue(source);
        }
        else
        {
            source.Dispose();
        }
    }

    /// <summary>One attempt's timeout: its token, and whether it fired.</summary>
    internal readonly struct Lease(AttemptTimeouts owner, CancellationTokenSource source, ITimer? timer, bool pooled) : IDisposable
    {
        public CancellationToken Token => source.Token;

        /// <summary>Whether the attempt's token was cancelled (by its timer, or by the caller it is linked to).</summary>
        public bool Fired => source.IsCancellationRequested;

        public void Dispose()
        {
            timer?.Dispose();
            owner.Return(source, pooled);
        }
    }
}
