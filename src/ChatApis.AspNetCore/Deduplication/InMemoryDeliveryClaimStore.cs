namespace ChatApis.AspNetCore;

/// <summary>
/// The default <see cref="IDeliveryClaimStore"/>: claims in this process's memory, on a <see cref="TimeProvider"/>.
/// It holds at most <see cref="MaxEntries"/> keys: beyond that, the keys closest to expiry are forgotten early (a
/// very late retry of one of them would run its handler again). Deliveries to several instances, or across a
/// restart, need a shared store.
/// </summary>
public sealed class InMemoryDeliveryClaimStore : IDeliveryClaimStore
{
    /// <summary>The default <see cref="MaxEntries"/>.</summary>
    public const int DefaultMaxEntries = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _expiries = new();
    private readonly TimeProvider _time;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">The clock for leases and retention; the system clock when <c>null</c>.</param>
    /// <param name="maxEntries">The most keys kept (at least 1).</param>
    public InMemoryDeliveryClaimStore(TimeProvider? timeProvider = null, int maxEntries = DefaultMaxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _time = timeProvider ?? TimeProvider.System;
        MaxEntries = maxEntries;
    }

    /// <summary>The most keys kept.</summary>
    public int MaxEntries { get; }

    /// <summary>How many keys are held now (claimed or completed, not yet expired).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                Sweep(_time.GetUtcNow());
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<DeliveryClaimStatus> TryClaimAsync(string deliveryKey, string claimId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Check(deliveryKey, claimId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            Sweep(now);
            if (_entries.TryGetValue(deliveryKey, out var entry) && entry.ExpiresAt > now)
            {
                return ValueTask.FromResult(entry.Completed ? DeliveryClaimStatus.Completed : DeliveryClaimStatus.InProgress);
            }

            Put(deliveryKey, new Entry(claimId, Completed: false, now + lease));
            return ValueTask.FromResult(DeliveryClaimStatus.Claimed);
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string deliveryKey, string claimId, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        Check(deliveryKey, claimId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (HeldBy(deliveryKey, claimId, now))
            {
                Put(deliveryKey, new Entry(claimId, Completed: true, now + retention));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string deliveryKey, string claimId, CancellationToken cancellationToken = default)
    {
        Check(deliveryKey, claimId);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (HeldBy(deliveryKey, claimId, now))
            {
                _entries.Remove(deliveryKey);
            }
        }

        return ValueTask.CompletedTask;
    }

    private static void Check(string deliveryKey, string claimId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryKey);
        ArgumentException.ThrowIfNullOrEmpty(claimId);
    }

    private bool HeldBy(string deliveryKey, string claimId, DateTimeOffset now) =>
        _entries.TryGetValue(deliveryKey, out var entry) && !entry.Completed && entry.ExpiresAt > now && entry.ClaimId == claimId;

    private void Put(string deliveryKey, Entry entry)
    {
        _entries[deliveryKey] = entry;
        _expiries.Enqueue(deliveryKey, entry.ExpiresAt);
        var keepOwn = false;
        while (_entries.Count > MaxEntries && _expiries.TryDequeue(out var key, out var at))
        {
            if (key == deliveryKey)
            {
                keepOwn |= at == entry.ExpiresAt;
            }
            else if (_entries.TryGetValue(key, out var held) && held.ExpiresAt == at)
            {
                _entries.Remove(key);
            }
        }

        if (keepOwn)
        {
            _expiries.Enqueue(deliveryKey, entry.ExpiresAt);
        }
    }

    // Each entry has one or two queued expiries (claimed, then completed); a queued expiry that no longer matches
    // its entry is stale and dropped when it comes up.
    private void Sweep(DateTimeOffset now)
    {
        while (_expiries.TryPeek(out var key, out var at) && at <= now)
        {
            _expiries.Dequeue();
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }
    }

    private readonly record struct Entry(string ClaimId, bool Completed, DateTimeOffset ExpiresAt);
}
