namespace ChatApis.AspNetCore;

/// <summary>
/// Remembers which deliveries were handled, so a vendor's retry, or the same delivery arriving twice at once, runs
/// the handler once. The default is in memory (<see cref="InMemoryDeliveryClaimStore"/>, one process); a shared
/// store (e.g. Redis) makes it hold across instances.
/// </summary>
/// <remarks>
/// <para>
/// Every operation must be atomic per key, so two concurrent deliveries of the same event never both get
/// <see cref="DeliveryClaimStatus.Claimed"/>. A key is in one of three states: absent, claimed by one claim id until
/// a lease ends, or completed until a retention ends. With Redis, for instance: <c>TryClaim</c> is
/// <c>SET key "claimed:&lt;claimId&gt;" NX PX lease</c> (and a <c>GET</c> when that fails, to tell
/// <c>"done"</c> from a claim); <c>Complete</c> and <c>Release</c> are scripts that act only while the key still
/// holds <c>"claimed:&lt;claimId&gt;"</c> (set it to <c>"done"</c> with <c>PX retention</c>, or delete it).
/// </para>
/// <para>
/// The lease bounds how long a crashed instance blocks an event: once it ends, the next delivery may claim it. A
/// handler that runs longer than the lease can therefore run twice; keep the lease above the slowest handler.
/// </para>
/// </remarks>
public interface IDeliveryClaimStore
{
    /// <summary>Claims a delivery for handling, unless it is claimed or was completed.</summary>
    /// <param name="deliveryKey">The delivery's key (see <see cref="InboundEventContext.DeliveryKey"/>).</param>
    /// <param name="claimId">A value unique to this attempt; only it can complete or release the claim.</param>
    /// <param name="lease">How long the claim holds if it is neither completed nor released.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the caller may run the handler, and if not, why.</returns>
    ValueTask<DeliveryClaimStatus> TryClaimAsync(string deliveryKey, string claimId, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed delivery handled, for <paramref name="retention"/>; does nothing when <paramref name="claimId"/> no longer holds it.</summary>
    /// <param name="deliveryKey">The delivery's key.</param>
    /// <param name="claimId">The claim id given to <see cref="TryClaimAsync"/>.</param>
    /// <param name="retention">How long a later delivery of the same event is recognised.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when stored.</returns>
    ValueTask CompleteAsync(string deliveryKey, string claimId, TimeSpan retention, CancellationToken cancellationToken = default);

    /// <summary>Gives a claim up after a failed handler, so the vendor's retry runs it again; does nothing when <paramref name="claimId"/> no longer holds it.</summary>
    /// <param name="deliveryKey">The delivery's key.</param>
    /// <param name="claimId">The claim id given to <see cref="TryClaimAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when released.</returns>
    ValueTask ReleaseAsync(string deliveryKey, string claimId, CancellationToken cancellationToken = default);
}
