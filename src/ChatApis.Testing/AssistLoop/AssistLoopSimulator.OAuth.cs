using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing.AssistLoop;

public sealed partial class AssistLoopSimulator
{
    private static readonly string[] RegisteredRedirectUris = [ZapierRedirectUri, MakeRedirectUri];

    // POST {surface}/oauth/authorize: runs in the user's browser session, so it needs the session cookie.
    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var cookie = http.Request.Headers.Cookie.ToString();
        if (!cookie.Split(';', StringSplitOptions.TrimEntries).Contains(SessionCookie, StringComparer.Ordinal))
        {
            return Error(401, "Unauthenticated", "You must be logged in to AssistLoop to authorize an application.");
        }

        var body = await ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return Error(400, "invalid_request", "The request body must be a JSON object.");
        }

        if (Text(body, "client_id") != ClientId)
        {
            return Error(401, "invalid_client", "Client authentication failed");
        }

        var redirect = Text(body, "redirect_uri");
        if (redirect is null || !RegisteredRedirectUris.Contains(redirect, StringComparer.Ordinal))
        {
            return Error(400, "invalid_request", "The redirect_uri does not match a redirect URI registered for the client.");
        }

        var state = Text(body, "state");
        if (string.IsNullOrEmpty(state))
        {
            return Error(422, "Validation failed", "The state field is required.");
        }

        if (body["approved"] is not JsonValue approvedValue || approvedValue.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            return Error(422, "Validation failed", "The approved field is required and must be true or false.");
        }

        if (!approvedValue.GetValue<bool>())
        {
            return Error(400, "access_denied", "The resource owner or authorization server denied the request.");
        }

        var scope = Text(body, "scope");
        if (!TryNormalizeScope(scope, out var granted))
        {
            return Error(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        }

        var code = "def50200" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            _codes[code] = new SimCode(redirect, granted, Time.GetUtcNow().AddMinutes(10));
        }

        var answer = new JsonObject
        {
            ["success"] = true,
            ["code"] = code,
            ["state"] = state,
            ["user"] = JsonNode.Parse(AssistLoopSeed.AuthorizeUser),
        };
        return Json(answer.ToJsonString());
    }

    // POST /oauth/token (host root): authorization_code and refresh_token grants, JSON bodies.
    private async Task<IResult> TokenAsync(HttpContext http)
    {
        var body = await ReadObjectAsync(http).ConfigureAwait(false);
        if (body is null)
        {
            return Error(400, "invalid_request", "The request body must be a JSON object.");
        }

        var grantType = Text(body, "grant_type");
        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            return Error(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server.");
        }

        if (Text(body, "client_id") != ClientId || Text(body, "client_secret") != ClientSecret)
        {
            return Error(401, "invalid_client", "Client authentication failed");
        }

        lock (_gate)
        {
            AssistLoopSimulatorTokens tokens;
            if (grantType == "authorization_code")
            {
                var code = Text(body, "code") ?? "";
                if (!_codes.Remove(code, out var issued) || issued.ExpiresAt <= Time.GetUtcNow() || issued.RedirectUri != Text(body, "redirect_uri"))
                {
                    return Error(400, "invalid_grant", "The authorization code is invalid, already used, expired, or was issued for another redirect URI.");
                }

                tokens = IssueLocked(NewId("acct_"), issued.Scope, TimeSpan.FromSeconds(TokenLifetimeSeconds));
            }
            else
            {
                var refresh = Text(body, "refresh_token") ?? "";
                if (!_refreshTokens.TryGetValue(refresh, out var grant))
                {
                    return Error(400, "invalid_grant", "The refresh token is invalid.");
                }

                var requested = Text(body, "scope");
                var scope = grant.Scope;
                if (requested is not null)
                {
                    if (!TryNormalizeScope(requested, out scope) || !scope.Split(' ').All(grant.Scope.Split(' ').Contains))
                    {
                        return Error(400, "invalid_scope", "The requested scope is invalid, unknown, or malformed.");
                    }
                }

                // Rotation: the old refresh token and its access token stop working now.
                _refreshTokens.Remove(refresh);
                _accessTokens.Remove(grant.AccessToken);
                tokens = IssueLocked(grant.Family, scope, TimeSpan.FromSeconds(TokenLifetimeSeconds));
                Interlocked.Increment(ref _refreshCount);
            }

            var answer = new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = TokenLifetimeSeconds,
                ["access_token"] = tokens.AccessToken,
                ["refresh_token"] = tokens.RefreshToken,
            };
            return Json(answer.ToJsonString());
        }
    }

    private AssistLoopSimulatorTokens IssueLocked(string family, string scope, TimeSpan lifetime)
    {
        var access = "al_at_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var refresh = "def50200" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var expiresAt = Time.GetUtcNow() + lifetime;
        _accessTokens[access] = new SimGrant(family, scope, expiresAt, refresh);
        _refreshTokens[refresh] = new SimRefresh(access, family, scope);
        return new AssistLoopSimulatorTokens(access, refresh, expiresAt, scope);
    }

    // Authenticates, checks the scope and the rate limits, then runs the endpoint.
    private IResult Api(HttpContext http, string? scope, bool close, Func<JsonObject?, IResult> handle) =>
        Authorize(http, scope, close) ?? Locked(() => handle(null));

    private async Task<IResult> ApiAsync(HttpContext http, string? scope, bool close, Func<JsonObject, IResult> handle)
    {
        if (Authorize(http, scope, close) is { } refused)
        {
            return refused;
        }

        var body = await ReadObjectAsync(http).ConfigureAwait(false);
        return body is null
            ? Error(400, "Bad Request", "The request body must be a JSON object.")
            : Locked(() => handle(body));
    }

    private IResult Locked(Func<IResult> handle)
    {
        lock (_gate)
        {
            return handle();
        }
    }

    private IResult? Authorize(HttpContext http, string? scope, bool close)
    {
        var header = http.Request.Headers.Authorization.ToString();
        SimGrant? grant = null;
        if (header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            lock (_gate)
            {
                if (_accessTokens.TryGetValue(header["Bearer ".Length..], out var found) && found.ExpiresAt > Time.GetUtcNow())
                {
                    grant = found;
                }
            }
        }

        if (grant is null)
        {
            return Error(401, "Unauthenticated", "No valid API token provided.");
        }

        if (scope is not null && !grant.Scope.Split(' ').Contains(scope, StringComparer.Ordinal))
        {
            return Error(403, "Forbidden", $"The access token does not have the required scope: {scope}.");
        }

        var general = Volatile.Read(ref _general);
        var decision = general.TryAcquire(grant.Family);
        general.WriteHeaders(http.Response, decision);
        if (!decision.Allowed)
        {
            return TooManyAttempts(http, decision);
        }

        if (close && _close.TryAcquire(grant.Family) is { Allowed: false } closeDecision)
        {
            return TooManyAttempts(http, closeDecision);
        }

        return null;
    }

    private IResult TooManyAttempts(HttpContext http, RateLimitDecision decision)
    {
        var seconds = (long)Math.Ceiling(decision.RetryAfter(Time.GetUtcNow()).TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Json($$"""{"message":"Too Many Attempts.","retry_after":{{seconds.ToString(CultureInfo.InvariantCulture)}}}""", 429);
    }

    private static bool TryNormalizeScope(string? scope, out string granted)
    {
        if (scope is null || scope.Trim().Length == 0)
        {
            granted = DefaultScopes;
            return true;
        }

        var parts = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        granted = string.Join(' ', parts.Distinct(StringComparer.Ordinal));
        return parts.All(p => KnownScopes.Contains(p, StringComparer.Ordinal));
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
