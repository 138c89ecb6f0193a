using ChatApis.Http;

namespace ChatApis.AssistLoop.Api;

/// <summary>What the pipeline must know about each AssistLoop endpoint (one per path; the call handler checks that the Refit request matches).</summary>
internal static class AssistLoopOperations
{
    /// <summary>The user's browser session authorizes, not a bearer token.</summary>
    public static readonly ApiOperation Authorize = new(HttpMethod.Post, AssistLoopPaths.Authorize) { SkipAuthentication = true };

    /// <summary>
    /// Code exchange and refresh: no bearer token, and never marked retry-safe (a refresh the server acted on has
    /// already rotated the refresh token; a code is single-use).
    /// </summary>
    public static readonly ApiOperation Token = new(HttpMethod.Post, AssistLoopPaths.Token) { SkipAuthentication = true };

    public static readonly ApiOperation Me = new(HttpMethod.Get, AssistLoopPaths.Me);

    /// <summary>Not retry-safe: a repeated subscribe could create a second subscription.</summary>
    public static readonly ApiOperation Subscribe = new(HttpMethod.Post, AssistLoopPaths.Subscribe);

    public static readonly ApiOperation Unsubscribe = new(HttpMethod.Delete, AssistLoopPaths.Unsubscribe);

    public static readonly ApiOperation Conversations = new(HttpMethod.Get, AssistLoopPaths.Conversations);

    public static readonly ApiOperation RecentSamples = new(HttpMethod.Get, AssistLoopPaths.RecentSamples);

    /// <summary>Closing sets a state, so repeating it after an unknown outcome cannot do anything twice; it draws from the 10-per-minute close budget too.</summary>
    public static readonly ApiOperation Close = new(HttpMethod.Post, AssistLoopPaths.Close) { Idempotent = true, RateLimitBudget = AssistLoopVendor.CloseBudget };

    public static readonly ApiOperation Messages = new(HttpMethod.Get, AssistLoopPaths.Messages);

    /// <summary>Not retry-safe: AssistLoop offers no idempotency key, and a repeated reply would be sent twice.</summary>
    public static readonly ApiOperation Reply = new(HttpMethod.Post, AssistLoopPaths.Reply);

    public static readonly ApiOperation Organizations = new(HttpMethod.Get, AssistLoopPaths.Organizations);

    public static readonly ApiOperation Agents = new(HttpMethod.Get, AssistLoopPaths.Agents);
}
