using ChatApis.RateLimiting;

namespace ChatApis.Http;

/// <summary>The <see cref="HttpRequestMessage.Options"/> keys the pipeline sets for the handlers below it (a name, not settings: per-call settings are <see cref="RequestOptions"/>).</summary>
public static class ChatApiRequestOptionKeys
{
    /// <summary>Set when the authentication handler must not touch the request.</summary>
    public static readonly HttpRequestOptionsKey<bool> SkipAuthentication = new("ChatApis.SkipAuthentication");

    /// <summary>The request's path template (safe to log).</summary>
    public static readonly HttpRequestOptionsKey<string> PathTemplate = new("ChatApis.PathTemplate");

    /// <summary>The client's rate-limit gate, so a handler that re-sends (401 → refresh → retry) waits its turn too.</summary>
    public static readonly HttpRequestOptionsKey<RateLimitGate> RateLimitGate = new("ChatApis.RateLimitGate");

    /// <summary>The extra rate-limit budget of the request.</summary>
    public static readonly HttpRequestOptionsKey<string> RateLimitBudget = new("ChatApis.RateLimitBudget");

    /// <summary>
    /// Set by the authentication handler on a 401 it passes on because no token refresh can help (e.g. no
    /// refresh token is stored): why. The pipeline then raises <see cref="ChatApiReauthorizationRequiredException"/>
    /// carrying the server's status, error, message and request id.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> ReauthorizationRequired = new("ChatApis.ReauthorizationRequired");
}
