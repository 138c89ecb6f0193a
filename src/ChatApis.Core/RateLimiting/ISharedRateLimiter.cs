namespace ChatApis.RateLimiting;

/// <summary>
/// A rate-limit budget shared by every process that uses the same connected account (e.g. ChatApis.Redis):
/// the vendor's budget is per account, so N replicas must draw from one budget, not N. A client whose options
/// name one (<see cref="Http.ChatApiClientOptions.UseSharedRateLimiter"/>) asks it for a permit after its own
/// in-process limiter granted one, right before sending.
/// </summary>
public interface ISharedRateLimiter
{
    /// <summary>Takes one permit of <paramref name="budget"/> if the shared window has room.</summary>
    /// <param name="budget">The budget (its name, limit and window).</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The permit's id when it was taken; otherwise how long until one may be free (ask again then).</returns>
    /// <exception cref="Exception">The shared store cannot be reached: the gate then falls back to its in-process limit alone and logs a warning.</exception>
    ValueTask<SharedPermit> TryAcquireAsync(RateLimitBudget budget, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a permit from now instead of from when it was taken: called when its request's response came back,
    /// because the server counted the request when it arrived, later than the permit was granted. Best effort.
    /// </summary>
    /// <param name="budget">The permit's budget.</param>
    /// <param name="permitId">The id <see cref="TryAcquireAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when the permit was moved (or was already gone).</returns>
    ValueTask RestampAsync(RateLimitBudget budget, string permitId, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ISharedRateLimiter.TryAcquireAsync"/> answered.</summary>
/// <param name="PermitId">The permit's id when one was taken; <c>null</c> when the caller must wait.</param>
/// <param name="RetryAfter">When no permit was taken, how long until one may be free.</param>
public readonly record struct SharedPermit(string? PermitId, TimeSpan RetryAfter)
{
    /// <summary>Whether a permit was taken.</summary>
    public bool IsAcquired => PermitId is not null;
}
