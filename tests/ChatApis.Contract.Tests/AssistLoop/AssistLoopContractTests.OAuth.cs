using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.AssistLoop;

// OAuth 2.0: authorize, code exchange and refresh. Only the Zapier document shows these requests and
// responses; the Make document lists the same two endpoints (the API notes: one API), so the Make tests
// use the Zapier examples with the Make configuration's redirect URI and scopes.
public abstract partial class AssistLoopContractTests
{
    protected const string AuthorizationCode = "def50200a1b2c3...";
    protected const string SessionCookie = "your-session-cookie";
    protected const string State = "random-state-string";
    protected const long ExpiresIn = 31536000;

    protected abstract Uri RedirectUri { get; }

    protected abstract AssistLoopScopes Scopes { get; }

    /// <summary>The authorization request body this surface's document implies.</summary>
    protected abstract string AuthorizeRequestJson { get; }

    /// <summary>The code exchange body this surface's document implies.</summary>
    protected abstract string CodeExchangeRequestJson { get; }

    protected static string ZapierDoc(string name) => Fixture.Text("assistloop-zapier", name);

    /// <summary>The authorize endpoint as the surface's document gives it.</summary>
    protected virtual ExpectedRequest AuthorizeEndpoint() => ExpectedRequest.Post("/api/v1/oauth/authorize");

    /// <summary>"The /oauth/token endpoint is at the root level (not under /api/v1)", without credentials.</summary>
    protected static ExpectedRequest TokenEndpoint() => ExpectedRequest.Post("/oauth/token").NoAuth();

    [Fact]
    [Covers("POST /api/v1/oauth/authorize", Aspect.Request | Aspect.Response)]
    public async Task Authorize_posts_the_documented_json_with_the_session_cookie_and_no_token_and_reads_the_code()
    {
        var stub = Wire.Expect(
            AuthorizeEndpoint().NoAuth().Header("Cookie", SessionCookie).Json(AuthorizeRequestJson),
            Answer(200, ZapierDoc("step-1-authorization-request.response.json")));

        var result = await Wire.CallAsync(
            ct => OAuthClient(new InMemoryTokenStore(), new FrozenClock()).AuthorizeAsync(State, RedirectUri, Scopes, SessionCookie, approved: true, cancellationToken: ct),
            stub);

        Assert.Equal(RequestId, result.RequestId);
        Assert.True(result.Value.Success);
        Assert.Equal(AuthorizationCode, result.Value.Code);
        Assert.Equal(State, result.Value.State);
        Assert.NotNull(result.Value.User);
        Assert.Equal("John Doe", result.Value.User.Name);
        Assert.Equal(ProtectedEmail, result.Value.User.Email);
        Unmapped.None(result.Value, result.Value.User);
    }

    [Fact]
    [Covers("POST /api/v1/oauth/authorize", Aspect.Request)]
    public async Task Authorize_without_scopes_leaves_scope_out_so_the_default_scopes_apply()
    {
        var body = $$"""
            {"client_id": "your-client-id", "redirect_uri": "{{RedirectUri.OriginalString}}", "state": "random-state-string", "approved": true}
            """;
        var stub = Wire.Expect(AuthorizeEndpoint().NoAuth().NoHeader("Cookie").Json(body), Answer(200, ZapierDoc("step-1-authorization-request.response.json")));

        var result = await Wire.CallAsync(ct => OAuthClient(new InMemoryTokenStore(), new FrozenClock()).AuthorizeAsync(State, RedirectUri, cancellationToken: ct), stub);

        Assert.Equal(AuthorizationCode, result.Value.Code);
    }

    [Fact]
    [Covers("POST /oauth/token", Aspect.Request | Aspect.Response)]
    [Covers("GET /oauth/me", Aspect.Request)]
    public async Task The_code_exchange_posts_the_authorization_code_grant_at_the_root_and_the_new_token_is_used()
    {
        var store = new InMemoryTokenStore();
        var client = OAuthClient(store, new FrozenClock());
        var token = Wire.Expect(TokenEndpoint().Json(CodeExchangeRequestJson), Answer(200, ZapierDoc("step-2-exchange-authorization-code.response.json")));
        var me = Wire.Expect(Get("/oauth/me"), Answer(200, Doc("get-current-user.response.json")));

        var exchanged = await Wire.CallAsync(
            async ct =>
            {
                var tokens = await client.ExchangeCodeAsync(AuthorizationCode, RedirectUri, cancellationToken: ct);
                await client.GetMeAsync(cancellationToken: ct);
                return tokens;
            },
            token,
            me);

        // Step 3: "Zapier automatically includes the access token in all API requests" (checked by the me stub).
        var expected = new OAuthTokens(AccessToken, "def50200d4e5f6...", FrozenClock.Instant.AddSeconds(ExpiresIn)) { TokenType = "Bearer" };
        Assert.Equal(RequestId, exchanged.RequestId);
        Assert.Equal(expected, exchanged.Value);
        Assert.Equal(expected, await store.GetTokensAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    [Covers("POST /oauth/token", Aspect.Request | Aspect.Response)]
    public async Task An_expired_token_is_refreshed_with_the_refresh_token_grant_and_the_rotated_pair_is_saved_and_used()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("expired-access-token", "def50200d4e5f6...", FrozenClock.Instant.AddMinutes(-1)));
        var client = OAuthClient(store, new FrozenClock());
        var refresh = Wire.Expect(TokenEndpoint().Json(ZapierDoc("step-4-automatic-token-refresh.request.json")), Answer(200, ZapierDoc("step-4-automatic-token-refresh.response.json")));
        var me = Wire.Expect(Get("/oauth/me"), Answer(200, Doc("get-current-user.response.json")));

        await Wire.CallAsync(ct => client.GetMeAsync(cancellationToken: ct), refresh, me);

        // "Each refresh operation returns a new refresh token. Always update your stored refresh token."
        var saved = await store.GetTokensAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new OAuthTokens(AccessToken, "def50200g7h8i9...", FrozenClock.Instant.AddSeconds(ExpiresIn)) { TokenType = "Bearer" }, saved);
    }

    [Fact]
    [Covers("POST /oauth/token", Aspect.Response)]
    public async Task The_code_exchange_keeps_the_documented_token_type()
    {
        var token = Wire.Expect(TokenEndpoint().Json(CodeExchangeRequestJson), Answer(200, ZapierDoc("step-2-exchange-authorization-code.response.json")));

        var exchanged = await Wire.CallAsync(ct => OAuthClient(new InMemoryTokenStore(), new FrozenClock()).ExchangeCodeAsync(AuthorizationCode, RedirectUri, cancellationToken: ct), token);

        Assert.Equal("Bearer", exchanged.Value.TokenType);
    }
}
