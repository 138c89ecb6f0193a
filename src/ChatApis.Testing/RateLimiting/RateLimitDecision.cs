namespace ChatApis.Testing;

/// <summary>The outcome of <see cref="SimulatorRateLimiter.TryAcquire"/> for one request.</summary>
/// <param name="Allowed">Whether the request fits in the current window.</param>
/// <param name="Limit">The number of requests a window allows.</param>
/// <param name="Remaining">How many more requests the current window allows after this one.</param>
/// <param name="ResetAt">When the current window ends and the count starts again.</param>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt)
{
    /// <summary>How long a client should wait from <paramref name="now"/> until the window resets (never negative).</summary>
    /// <param name="now">The current time, normally from the host's <see cref="TimeProvider"/>.</param>
    /// <returns>The time left until <see cref="ResetAt"/>, or <see cref="TimeSpan.Zero"/> if it has passed.</returns>
    public TimeSpan RetryAfter(DateTimeOffset now) => ResetAt > now ? ResetAt - now : TimeSpan.Zero;
}
