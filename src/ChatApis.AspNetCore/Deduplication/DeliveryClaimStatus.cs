namespace ChatApis.AspNetCore;

/// <summary>The answer of <see cref="IDeliveryClaimStore.TryClaimAsync"/>.</summary>
public enum DeliveryClaimStatus
{
    /// <summary>The caller holds the claim: run the handler, then complete or release it.</summary>
    Claimed = 0,

    /// <summary>Another delivery of the same event holds an unexpired claim: do not run the handler now.</summary>
    InProgress = 1,

    /// <summary>The event was handled within the retention window: acknowledge without running the handler.</summary>
    Completed = 2,
}
