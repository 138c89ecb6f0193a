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
    /// The permit's request came back (or was never sent): count it for a window from now. Until then it counts as
    /// in flight; a permit never released (its process died) must still leave the window on its own after at most two
    /// windows. Best effort: the gate logs a failure at debug level and goes on.
    /// </summary>
    /// <param name="budget">The permit's budget.</param>
    /// <param name="permitId">The id <see cref="TryAcquireAsync"/> returned.</param>
    /// <param name="observed">
    /// What the response said of the server's window, or <c>null</c>. When the server has fewer requests left than the
    /// shared count explains, the difference is someone else's use: keep that much below the limit until its reset.
    /// </param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when the permit was released (or was already gone).</returns>
    ValueTask ReleaseAsync(RateLimitBudget budget, string permitId, ServerRemaining? observed, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ISharedRateLimiter.TryAcquireAsync"/> answered.</summary>
/// <param name="PermitId">The permit's id when one was taken; <c>null</c> when the caller must wait.</param>
/// <param name="RetryAfter">When no permit was taken, how long until one may be free.</param>
public readonly record struct SharedPermit(string? PermitId, TimeSpan RetryAfter)
{
    /// <summary>Whether a permit was taken.</summary>
    public bool IsAcquired => PermitId is not null;
}

/// <summary>What a response said of the server's rate-limit window.</summary>
/// <param name="Remaining">Requests left in the server's window (<c>X-RateLimit-Remaining</c>).</param>
/// <param name="ResetIn">How long until the server's window resets, measured on this process's clock when the response came back.</param>
public readonly record struct ServerRemaining(int Remaining, TimeSpan ResetIn);
