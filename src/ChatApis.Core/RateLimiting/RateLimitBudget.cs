namespace ChatApis.RateLimiting;

/// <summary>
/// A documented request budget, e.g. "60 requests per minute per connected account" or "close:
/// 10 per minute". The budget named <see cref="General"/> applies to every request of a client;
/// other budgets apply, in addition, to requests that name them.
/// </summary>
/// <param name="Name">The budget's name; <see cref="General"/> for the client-wide one.</param>
/// <param name="PermitLimit">The most requests in any window.</param>
/// <param name="Window">The window length.</param>
public sealed record RateLimitBudget(string Name, int PermitLimit, TimeSpan Window)
{
    /// <summary>The name of the budget every request of a client draws from.</summary>
    public const string General = "general";
}
