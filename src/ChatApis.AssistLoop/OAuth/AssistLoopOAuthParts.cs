using ChatApis.Auth.OAuth;

namespace ChatApis.AssistLoop;

/// <summary>One client's OAuth plumbing, built once by <see cref="AssistLoopVendor"/>: its token manager and token endpoint.</summary>
/// <param name="Tokens">The account's token manager (behind the client's <see cref="OAuthHandler"/>).</param>
/// <param name="Endpoint">The account's token endpoint (code exchange and refresh).</param>
internal sealed record AssistLoopOAuthParts(OAuthTokenManager Tokens, AssistLoopTokenEndpoint Endpoint);
