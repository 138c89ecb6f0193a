using ChatApis.RateLimiting;

namespace ChatApis.Http;

/// <summary>The <see cref="HttpRequestMessage.Options"/> keys the pipeline sets for its handlers.</summary>
public static class ChatApiRequestOptions
{
    /// <summary>Set when the authentication handler must not touch the request.</summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("ChatApis.SkipAuthentication");

    /// <summary>The request's path template (safe to log).</summary>
    public static readonly HttpRequestOptionsKey<string> PathTemplate = new("ChatApis.PathTemplate");

    /// <summary>The client's rate-limit gate, so a handler that re-sends (401 → refresh → retry) waits its turn too.</summary>
    public static readonly HttpRequestOptionsKey<RateLimitGate> RateLimitGate = new("ChatApis.RateLimitGate");

    /// <summary>The extra rate-limit budget of the request.</summary>
    public static readonly HttpRequestOptionsKey<string> RateLimitBudget = new("ChatApis.RateLimitBudget");
}
