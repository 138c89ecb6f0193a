using System.Net;
using ChatApis.Auth.OAuth;
using ChatApis.Http;

namespace ChatApis.AssistLoop;

/// <summary>
/// AssistLoop's <c>POST /oauth/token</c> (at the host root): the refresh grant the token manager runs,
/// and the authorization-code exchange. Requests go out without the bearer token and are never marked
/// retry-safe (a refresh the server acted on has already rotated the refresh token). The pipeline is
/// resolved lazily, so the token manager, its handler and this class can be built in any order.
/// </summary>
internal sealed class AssistLoopTokenEndpoint : ITokenRefresher
{
    private readonly AssistLoopClientOptions _options;
    private readonly Lazy<ChatApiPipeline> _pipeline;

    public AssistLoopTokenEndpoint(AssistLoopClientOptions options, Func<ChatApiPipeline> pipeline)
    {
        _options = options;
        _pipeline = new Lazy<ChatApiPipeline>(pipeline, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);

        // Redaction hook (issue 13, item 3): the token about to be sent is redacted from any error text.
        _options.Secrets.Add(refreshToken);
        var (clientId, clientSecret) = ClientCredentials("refresh the access token");
        var body = new RefreshGrantBody("refresh_token", refreshToken, clientId, clientSecret, _options.RefreshScopes?.ToScopeString());
        var request = new ApiRequest(HttpMethod.Post, AssistLoopVendor.TokenPath)
            .WithJsonBody(body, AssistLoopJsonContext.Default.RefreshGrantBody)
            .WithoutAuthentication();
        try
        {
            var response = await _pipeline.Value.SendAsync(request, AssistLoopJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
            var tokens = ToTokens(response.Value);

            // A server that does not rotate leaves the current refresh token valid.
            return tokens.RefreshToken is null ? tokens with { RefreshToken = refreshToken } : tokens;
        }
        catch (ChatApiException ex) when (IsRejectedGrant(ex))
        {
            throw new ChatApiReauthorizationRequiredException(
                $"AssistLoop rejected the refresh token ({ex.ErrorCode ?? ((int)ex.StatusCode!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)}); the user must authorize the application again.",
                new ChatApiErrorDetails(ex.StatusCode, ex.ErrorCode, null, ex.RequestId, null, ex.RawBody, ex.Vendor),
                ex);
        }
    }

    public async Task<ApiResponse<OAuthTokens>> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        var (clientId, clientSecret) = ClientCredentials("exchange an authorization code");
        var body = new CodeGrantBody("authorization_code", clientId, clientSecret, redirectUri.OriginalString, code);
        var request = new ApiRequest(HttpMethod.Post, AssistLoopVendor.TokenPath)
            .WithJsonBody(body, AssistLoopJsonContext.Default.CodeGrantBody)
            .WithoutAuthentication();
        var response = await _pipeline.Value.SendAsync(request, AssistLoopJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<OAuthTokens>(ToTokens(response.Value), response.StatusCode, response.RequestId, response.RateLimit, response.Attempts);
    }

    // invalid_grant is OAuth's answer for an unknown, used, revoked or expired refresh token; a server
    // that only says so in words is recognised too. Anything else (invalid_client, 5xx) is not the
    // user's grant and must not send them back through authorization.
    private static bool IsRejectedGrant(ChatApiException ex) =>
        ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
        && (string.Equals(ex.ErrorCode, "invalid_grant", StringComparison.OrdinalIgnoreCase)
            || (ex.RawBody is { } body && body.Contains("refresh token", StringComparison.OrdinalIgnoreCase)
                && (body.Contains("invalid", StringComparison.OrdinalIgnoreCase) || body.Contains("expired", StringComparison.OrdinalIgnoreCase) || body.Contains("revoked", StringComparison.OrdinalIgnoreCase))));

    private OAuthTokens ToTokens(TokenResponse response)
    {
        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new ChatApiInvalidResponseException(
                "AssistLoop's token endpoint answered without an access_token.",
                ChatApiErrorDetails.None with { Vendor = AssistLoopVendor.Name });
        }

        DateTimeOffset? expiresAt = response.ExpiresIn is > 0 and var seconds
            ? _pipeline.Value.Time.GetUtcNow().AddSeconds(seconds)
            : null;
        _options.Secrets.Add(response.AccessToken);
        _options.Secrets.Add(response.RefreshToken);
        return new OAuthTokens(response.AccessToken, string.IsNullOrEmpty(response.RefreshToken) ? null : response.RefreshToken, expiresAt, response.Scope);
    }

    private (string ClientId, string ClientSecret) ClientCredentials(string purpose)
    {
        if (string.IsNullOrWhiteSpace(_options.ClientId) || string.IsNullOrWhiteSpace(_options.ClientSecret))
        {
            var missing = string.IsNullOrWhiteSpace(_options.ClientId) ? nameof(AssistLoopClientOptions.ClientId) : nameof(AssistLoopClientOptions.ClientSecret);
            throw new InvalidOperationException($"AssistLoopClientOptions.{missing} is required to {purpose}.");
        }

        return (_options.ClientId, _options.ClientSecret);
    }
}
