using System.Diagnostics.CodeAnalysis;
using System.Net;
using ChatApis.AssistLoop.Api;
using ChatApis.AssistLoop.Requests;
using ChatApis.Auth.OAuth;
using ChatApis.Http;

namespace ChatApis.AssistLoop;

/// <summary>
/// AssistLoop's <c>POST /oauth/token</c> (at the host root): the refresh grant the token manager runs,
/// and the authorization-code exchange. Requests go out without the bearer token and are never marked
/// retry-safe (a refresh the server acted on has already rotated the refresh token). They go through the
/// client's second, credential-free pipeline (outside the rate limiter: a refresh must never queue behind the
/// calls that wait for it), created on first use.
/// </summary>
internal sealed class AssistLoopTokenEndpoint : ITokenRefresher
{
    /// <summary>The longest <c>expires_in</c> believed: AssistLoop's documented default, one year.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(365);

    /// <summary>The longest token accepted (a JWT with many claims stays well below it).</summary>
    public const int MaxTokenLength = 16 * 1024;

    private readonly AssistLoopClientOptions _options;
    private readonly Lazy<ChatApiPipeline> _pipeline;
    private readonly Lazy<IAssistLoopTokenApi> _api;

    public AssistLoopTokenEndpoint(AssistLoopClientOptions options, Func<ChatApiPipeline> pipeline)
    {
        _options = options;
        _pipeline = new Lazy<ChatApiPipeline>(pipeline, LazyThreadSafetyMode.ExecutionAndPublication);
        _api = new Lazy<IAssistLoopTokenApi>(() => ChatApiRefit.For<IAssistLoopTokenApi>(_pipeline.Value, AssistLoopVendor.RefitSettings), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);

        // Redaction hook (issue 13, item 3): the token about to be sent is redacted from any error text.
        _pipeline.Value.Secrets.Add(refreshToken);
        var (clientId, clientSecret) = ClientCredentials("refresh the access token");
        var body = new RefreshGrantBody("refresh_token", refreshToken, clientId, clientSecret, _options.RefreshScopes?.ToScopeString());
        try
        {
            var response = await _pipeline.Value.SendAsync(
                AssistLoopOperations.Token, (call, ct) => _api.Value.Refresh(body, call, ct), AssistLoopJsonContext.Default.TokenResponse, null, cancellationToken).ConfigureAwait(false);
            var tokens = ToTokens(response);

            // A server that does not rotate leaves the current refresh token valid.
            return tokens.RefreshToken is null ? tokens with { RefreshToken = refreshToken } : tokens;
        }
        catch (ChatApiException ex) when (IsRejectedGrant(ex))
        {
            throw new ChatApiReauthorizationRequiredException(
                $"AssistLoop rejected the refresh token ({ex.ErrorCode ?? ((int)ex.StatusCode!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)}); the user must authorize the application again.",
                new ChatApiErrorDetails(ex.StatusCode, ex.ErrorCode, null, ex.RequestId, null, ex.RawBody, ex.Vendor, ex.RateLimit, ex.Attempts),
                ex);
        }
    }

    public async Task<ApiResponse<OAuthTokens>> ExchangeCodeAsync(string code, Uri redirectUri, RequestOptions? options, CancellationToken cancellationToken)
    {
        var (clientId, clientSecret) = ClientCredentials("exchange an authorization code");
        var body = new CodeGrantBody("authorization_code", clientId, clientSecret, redirectUri.OriginalString, code);
        var response = await _pipeline.Value.SendAsync(
            AssistLoopOperations.Token, (call, ct) => _api.Value.ExchangeCode(body, call, ct), AssistLoopJsonContext.Default.TokenResponse, options, cancellationToken).ConfigureAwait(false);
        return new ApiResponse<OAuthTokens>(ToTokens(response), response.StatusCode, response.RequestId, response.RateLimit, response.Attempts);
    }

    // invalid_grant is OAuth's answer for an unknown, used, revoked or expired refresh token; a server
    // that only says so in words is recognised too. Anything else (invalid_client, 5xx) is not the
    // user's grant and must not send them back through authorization.
    private static bool IsRejectedGrant(ChatApiException ex) =>
        ex.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized
        && (string.Equals(ex.ErrorCode, AssistLoopErrorCode.InvalidGrant.Value, StringComparison.OrdinalIgnoreCase)
            || (ex.RawBody is { } body && body.Contains("refresh token", StringComparison.OrdinalIgnoreCase)
                && (body.Contains("invalid", StringComparison.OrdinalIgnoreCase) || body.Contains("expired", StringComparison.OrdinalIgnoreCase) || body.Contains("revoked", StringComparison.OrdinalIgnoreCase))));

    private OAuthTokens ToTokens(ApiResponse<TokenResponse> response)
    {
        var body = response.Value;
        if (!IsUsableToken(body.AccessToken))
        {
            throw InvalidTokenResponse(response, "without a usable access_token");
        }

        var refresh = string.IsNullOrEmpty(body.RefreshToken) ? null : body.RefreshToken;
        if (refresh is not null && !IsUsableToken(refresh))
        {
            throw InvalidTokenResponse(response, "with an unusable refresh_token");
        }

        _pipeline.Value.Secrets.Add(body.AccessToken);
        _pipeline.Value.Secrets.Add(refresh);
        return new OAuthTokens(body.AccessToken, refresh, ExpiresAt(body.ExpiresIn), body.Scope) { TokenType = body.TokenType };
    }

    // expires_in is believed within reason only: a lifetime beyond MaxTokenLifetime is clamped to it (the
    // token is then refreshed early, which costs one request), and zero, negative or unreadable means
    // unknown (the token is refreshed when the server rejects it) rather than "expired", which would
    // refresh, and rotate, on every call. Either way the pair is kept.
    private DateTimeOffset? ExpiresAt(double? expiresIn) =>
        expiresIn is > 0 and var seconds
            ? _pipeline.Value.Time.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(seconds, MaxTokenLifetime.TotalSeconds))
            : null;

    // A token goes into an Authorization header and a token store: visible ASCII only (RFC 6750's
    // b64token is a subset), of a length a header can carry. Anything else is not a token.
    private static bool IsUsableToken([NotNullWhen(true)] string? token) =>
        !string.IsNullOrEmpty(token) && token.Length <= MaxTokenLength && token.All(static c => c is > ' ' and < '\u007f');

    private static ChatApiInvalidResponseException InvalidTokenResponse(ApiResponse<TokenResponse> response, string problem) =>
        new($"AssistLoop's token endpoint answered {problem}.", new ChatApiErrorDetails(response.StatusCode, RequestId: response.RequestId, Vendor: AssistLoopVendor.Name));

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
