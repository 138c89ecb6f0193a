using ChatApis.Testing;

namespace ChatApis.AspNetCore.Tests;

public sealed class DeliveryClaimStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private readonly ManualTimeProvider _clock = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_many_concurrent_claims_of_one_key_exactly_one_wins()
    {
        var store = new InMemoryDeliveryClaimStore(_clock);
        using var start = new ManualResetEventSlim();

        var claims = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            start.Wait(_ct);
            return await store.TryClaimAsync("k", $"c{i}", Lease, _ct);
        })).Append(Task.Run(() =>
        {
            start.Set();
            return DeliveryClaimStatus.InProgress;
        })));

        Assert.Equal(1, claims.Count(c => c == DeliveryClaimStatus.Claimed));
        Assert.Equal(64, claims.Count(c => c == DeliveryClaimStatus.InProgress));
    }

    [Fact]
    public async Task A_completed_key_is_recognised_for_the_retention_then_forgotten()
    {
        var store = new InMemoryDeliveryClaimStore(_clock);
        Assert.Equal(DeliveryClaimStatus.Claimed, await store.TryClaimAsync("k", "a", Lease, _ct));
        await store.CompleteAsync("k", "a", Retention, _ct);

        _clock.Advance(Retention - TimeSpan.FromTicks(1));
        Assert.Equal(DeliveryClaimStatus.Completed, await store.TryClaimAsync("k", "b", Lease, _ct));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(DeliveryClaimStatus.Claimed, await store.TryClaimAsync("k", "c", Lease, _ct));
    }

    [Fact]
    public async Task A_released_claim_can_be_taken_again_at_once()
    {
        var store = new InMemoryDeliveryClaimStore(_clock);
        await store.TryClaimAsync("k", "a", Lease, _ct);

        await store.ReleaseAsync("k", "a", _ct);

        Assert.Equal(DeliveryClaimStatus.Claimed, await store.TryClaimAsync("k", "b", Lease, _ct));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task A_claim_whose_lease_ended_goes_to_the_next_claimant_and_the_old_claimant_can_no_longer_complete_or_release_it()
    {
        var store = new InMemoryDeliveryClaimStore(_clock);
        await store.TryClaimAsync("k", "crashed", Lease, _ct);
        _clock.Advance(Lease - TimeSpan.FromTicks(1));
        Assert.Equal(DeliveryClaimStatus.InProgress, await store.TryClaimAsync("k", "early", Lease, _ct));
        _clock.Advance(TimeSpan.FromTicks(1));

        Assert.Equal(DeliveryClaimStatus.Claimed, await store.TryClaimAsync("k", "next", Lease, _ct));
        await store.ReleaseAsync("k", "crashed", _ct);
        await store.CompleteAsync("k", "crashed", Retention, _ct);
        Assert.Equal(DeliveryClaimStatus.InProgress, await store.TryClaimAsync("k", "other", Lease, _ct));

        await store.CompleteAsync("k", "next", Retention, _ct);
        Assert.Equal(DeliveryClaimStatus.Completed, await store.TryClaimAsync("k", "other", Lease, _ct));
        await store.ReleaseAsync("k", "next", _ct);
        Assert.Equal(DeliveryClaimStatus.Completed, await store.TryClaimAsync("k", "other", Lease, _ct));
    }

    [Fact]
    public async Task Expired_keys_are_swept_and_the_entry_cap_forgets_the_keys_closest_to_expiry_first()
    {
        var store = new InMemoryDeliveryClaimStore(_clock, maxEntries: 3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            await store.TryClaimAsync(key, "x", Lease, _ct);
            await store.CompleteAsync(key, "x", Retention, _ct);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        await store.TryClaimAsync("d", "x", Lease, _ct);

        // "a" was the completed key closest to expiry: forgotten early; the others hold.
        Assert.Equal(3, store.Count);
        Assert.Equal(DeliveryClaimStatus.Completed, await store.TryClaimAsync("b", "y", Lease, _ct));
        Assert.Equal(DeliveryClaimStatus.Completed, await store.TryClaimAsync("c", "y", Lease, _ct));
        Assert.Equal(DeliveryClaimStatus.InProgress, await store.TryClaimAsync("d", "y", Lease, _ct));
        Assert.Equal(DeliveryClaimStatus.Claimed, await store.TryClaimAsync("a", "y", Lease, _ct));

        _clock.Advance(Retention);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Arguments_are_checked()
    {
        var store = new InMemoryDeliveryClaimStore(_clock);

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryClaimAsync("", "a", Lease, _ct));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.TryClaimAsync("k", "", Lease, _ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.TryClaimAsync("k", "a", TimeSpan.Zero, _ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.CompleteAsync("k", "a", TimeSpan.Zero, _ct));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InMemoryDeliveryClaimStore(_clock, 0));
    }
}
