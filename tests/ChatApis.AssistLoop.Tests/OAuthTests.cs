using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

public sealed class OAuthTests : AssistLoopTestBase
{
    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Authorize_sends_the_documented_body_with_the_session_cookie_and_parses_the_example(AssistLoopSurface surface)
    {
        var client = Client(surface, o => o.TokenStore = new InMemoryTokenStore());
        var path = BasePath(surface) + "oauth/authorize";
        Serve("POST", path, Fixture("zapier", "authorize"));

        var response = await client.AuthorizeAsync(
            "random-state-string",
            new Uri("https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/"),
            AssistLoopScopes.Default,
            "your-session-cookie",
            cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal("your-session-cookie", request.Headers["Cookie"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        AssertJsonBody(request, """{"client_id":"al_sim_client","redirect_uri":"https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/","scope":"read:conversations read:messages manage:webhooks","state":"random-state-string","approved":true}""");
        Assert.True(response.Value.Success);
        Assert.Equal("def50200a1b2c3...", response.Value.Code);
        Assert.Equal("random-state-string", response.Value.State);
        Assert.Equal("John Doe", response.Value.User!.Name);
        Assert.Equal(ProtectedEmail, response.Value.User.Email);
        Assert.DoesNotContain("def50200", response.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_without_scopes_omits_scope_and_uses_the_configured_redirect()
    {
        var client = Client(configure: o => { o.TokenStore = new InMemoryTokenStore(); o.RedirectUri = new Uri(AssistLoopSimulator.ZapierRedirectUri); });

        await client.AuthorizeAsync("s1", sessionCookie: AssistLoopSimulator.SessionCookie, cancellationToken: TestContext.Current.CancellationToken);

        AssertJsonBody(Sim.Journal.Last, """{"client_id":"al_sim_client","redirect_uri":"https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/","state":"s1","approved":true}""");
    }

    [Fact]
    public async Task A_different_state_in_the_authorize_response_is_refused()
    {
        var client = Client(configure: o => o.TokenStore = new InMemoryTokenStore());
        Serve("POST", "/api/v1/oauth/authorize", Fixture("zapier", "authorize"));

        await Assert.ThrowsAsync<OAuthStateMismatchException>(() => client.AuthorizeAsync(
            "my-own-state", new Uri(AssistLoopSimulator.ZapierRedirectUri), sessionCookie: AssistLoopSimulator.SessionCookie, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Authorize_then_exchange_then_me_works_end_to_end(AssistLoopSurface surface)
    {
        var store = new InMemoryTokenStore();
        var redirect = new Uri(surface == AssistLoopSurface.Make ? AssistLoopSimulator.MakeRedirectUri : AssistLoopSimulator.ZapierRedirectUri);
        var client = Client(surface, o => { o.AccessToken = null; o.RefreshToken = null; o.TokenStore = store; o.RedirectUri = redirect; });
        var state = AssistLoopOAuthState.Create();

        var authorized = await client.AuthorizeAsync(state, scopes: AssistLoopScopes.All, sessionCookie: AssistLoopSimulator.SessionCookie, cancellationToken: TestContext.Current.CancellationToken);
        var callback = new Uri($"{redirect}?code={Uri.EscapeDataString(authorized.Value.Code)}&state={Uri.EscapeDataString(state)}");
        var code = AssistLoopOAuthState.ReadCode(callback, state);
        var tokens = await client.ExchangeCodeAsync(code, cancellationToken: TestContext.Current.CancellationToken);
        var me = await client.GetMeAsync(TestContext.Current.CancellationToken);

        var exchange = Sim.Journal.Where("POST", "/oauth/token").Single();
        Assert.False(exchange.Headers.ContainsKey("Authorization"));
        AssertJsonBody(exchange, $$"""{"grant_type":"authorization_code","client_id":"al_sim_client","client_secret":"al_sim_client_secret","redirect_uri":"{{redirect}}","code":"{{code}}"}""");
        Assert.Equal(tokens.Value, await store.GetTokensAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(31_536_000), tokens.Value.ExpiresAt);
        var meRequest = Sim.Journal.Last;
        Assert.Equal(BasePath(surface) + "oauth/me", meRequest.Path);
        AssertBearer(meRequest, tokens.Value.AccessToken);
        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal("John Doe", me.Value.Name);
        Assert.Equal(ProtectedEmail, me.Value.Email);

        // The code was single-use.
        await Assert.ThrowsAsync<ChatApiValidationException>(() => client.ExchangeCodeAsync(code, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_documented_token_response_is_parsed_and_saved_before_returning()
    {
        var store = new InMemoryTokenStore();
        var client = Client(configure: o => o.TokenStore = store);
        Serve("POST", "/oauth/token", Fixture("zapier", "token-code"));

        var tokens = await client.ExchangeCodeAsync("def50200a1b2c3...", new Uri("https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/"), TestContext.Current.CancellationToken);

        AssertJsonBody(Sim.Journal.Last, """{"grant_type":"authorization_code","client_id":"al_sim_client","client_secret":"al_sim_client_secret","redirect_uri":"https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/","code":"def50200a1b2c3..."}""");
        Assert.Equal("eyJ0eXAiOiJKV1QiLCJhbGc...", tokens.Value.AccessToken);
        Assert.Equal("def50200d4e5f6...", tokens.Value.RefreshToken);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(31536000), tokens.Value.ExpiresAt);
        Assert.Equal(1, store.SaveCount);
        Assert.Same(tokens.Value, await store.GetTokensAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Me_sends_the_bearer_token_and_parses_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        Serve("GET", BasePath(surface) + "oauth/me", Fixture(surface, "me"));

        var me = await client.GetMeAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(BasePath(surface) + "oauth/me", request.Path);
        Assert.Equal("", request.QueryString);
        AssertBearer(request);
        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal("John Doe", me.Value.Name);
        Assert.Equal(ProtectedEmail, me.Value.Email);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_and_the_rotated_pair_reaches_the_store()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.FromMinutes(1));
        var store = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var client = Client(configure: o => o.TokenStore = store);
        Clock.Advance(TimeSpan.FromMinutes(2));

        await client.GetMeAsync(TestContext.Current.CancellationToken);

        var refresh = Sim.Journal.Where("POST", "/oauth/token").Single();
        AssertJsonBody(refresh, $$"""{"grant_type":"refresh_token","refresh_token":"{{issued.RefreshToken}}","client_id":"al_sim_client","client_secret":"al_sim_client_secret"}""");
        var saved = (await store.GetTokensAsync(TestContext.Current.CancellationToken))!;
        Assert.NotEqual(issued.RefreshToken, saved.RefreshToken);
        Assert.False(Sim.IsRefreshTokenValid(issued.RefreshToken));
        Assert.True(Sim.IsRefreshTokenValid(saved.RefreshToken!));
        AssertBearer(Sim.Journal.Last, saved.AccessToken);
        Assert.Equal(1, Sim.RefreshCount);
    }

    [Fact]
    public async Task Refresh_scopes_are_sent_when_configured()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.Zero);
        var client = Client(configure: o => { o.AccessToken = issued.AccessToken; o.RefreshToken = issued.RefreshToken; o.AccessTokenExpiresAt = issued.ExpiresAt; o.RefreshScopes = AssistLoopScopes.ReadMessages | AssistLoopScopes.ReadConversations; });

        await client.GetMeAsync(TestContext.Current.CancellationToken);

        AssertJsonBody(Sim.Journal.Where("POST", "/oauth/token").Single(), $$"""{"grant_type":"refresh_token","refresh_token":"{{issued.RefreshToken}}","client_id":"al_sim_client","client_secret":"al_sim_client_secret","scope":"read:conversations read:messages"}""");
    }

    [Fact]
    public async Task The_documented_refresh_response_rotates_the_stored_refresh_token()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("old-access", "def50200d4e5f6...", Clock.GetUtcNow().AddSeconds(-1)));
        var client = Client(configure: o => o.TokenStore = store);
        Serve("POST", "/oauth/token", Fixture("zapier", "token-refresh"));
        Serve("GET", "/api/v1/oauth/me", Fixture("zapier", "me"));

        await client.GetMeAsync(TestContext.Current.CancellationToken);

        var saved = (await store.GetTokensAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("eyJ0eXAiOiJKV1QiLCJhbGc...", saved.AccessToken);
        Assert.Equal("def50200g7h8i9...", saved.RefreshToken);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(31536000), saved.ExpiresAt);
        AssertBearer(Sim.Journal.Last, "eyJ0eXAiOiJKV1QiLCJhbGc...");
    }

    [Fact]
    public async Task Fifty_concurrent_calls_with_an_expired_token_cause_exactly_one_refresh()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.FromSeconds(30));
        var store = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var client = Client(configure: o => o.TokenStore = store);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var calls = Enumerable.Range(0, 50).Select(_ => client.GetMeAsync(TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal("usr_abc123", r.Value.Uuid));
        Assert.Equal(1, Sim.RefreshCount);
        Assert.Single(Sim.Journal.Where("POST", "/oauth/token"));
        Assert.Equal(1, store.SaveCount);
        Assert.Equal(50, Sim.Journal.Where("GET", "/api/v1/oauth/me").Count);
    }

    [Fact]
    public async Task A_rejected_refresh_token_requires_reauthorization_and_leaves_the_store_untouched()
    {
        var before = new OAuthTokens("expired-access", "def50200_unknown", Clock.GetUtcNow().AddMinutes(-1));
        var store = new InMemoryTokenStore(before);
        var client = Client(configure: o => o.TokenStore = store);

        var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.NotNull(error.RequestId);
        Assert.DoesNotContain("def50200_unknown", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(AssistLoopSimulator.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Same(before, await store.GetTokensAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, store.SaveCount);
        Assert.Empty(Sim.Journal.Where("GET", "/api/v1/oauth/me"));
    }

    [Fact]
    public async Task A_refresh_token_used_twice_is_rejected_after_rotation()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.Zero);
        var first = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var second = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        await Client(configure: o => o.TokenStore = first).GetMeAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => Client(configure: o => o.TokenStore = second).GetMeAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_401_refreshes_once_and_retries_once()
    {
        var issued = Sim.IssueTokens();
        var store = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var client = Client(configure: o => o.TokenStore = store);
        Sim.RevokeAccessToken(issued.AccessToken);

        var me = await client.GetMeAsync(TestContext.Current.CancellationToken);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal(["GET /api/v1/oauth/me", "POST /oauth/token", "GET /api/v1/oauth/me"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(1, Sim.RefreshCount);
        AssertBearer(Sim.Journal.Requests[0], issued.AccessToken);
        AssertBearer(Sim.Journal.Requests[2], (await store.GetTokensAsync(TestContext.Current.CancellationToken))!.AccessToken);
    }

    [Fact]
    public async Task An_access_token_without_refresh_token_fails_with_reauthorization_on_401()
    {
        var client = Client(configure: o => { o.AccessToken = "not-a-valid-token"; o.RefreshToken = null; });

        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(TestContext.Current.CancellationToken));

        Assert.Single(Sim.Journal.Requests);
    }

    [Fact]
    public async Task A_missing_scope_is_a_permission_error()
    {
        var issued = Sim.IssueTokens(AssistLoopSimulator.DefaultScopes);
        var client = Client(configure: o => { o.AccessToken = issued.AccessToken; o.RefreshToken = issued.RefreshToken; });

        var error = await Assert.ThrowsAsync<ChatApiPermissionException>(() => client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, TestContext.Current.CancellationToken));

        Assert.Equal("Forbidden", error.ErrorCode);
        Assert.Contains("write:conversations", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sim.LastRequestId, error.RequestId);
        Assert.True(Sim.GetConversation(AssistLoopSimulator.ConversationUuid)!.IsOpen);
    }

    [Fact]
    public void Read_code_checks_the_state_in_constant_time_and_reports_errors()
    {
        var state = AssistLoopOAuthState.Create();
        Assert.True(state.Length >= 43);
        Assert.NotEqual(state, AssistLoopOAuthState.Create());

        Assert.Equal("abc 1", AssistLoopOAuthState.ReadCode(new Uri($"https://app.example/cb?code=abc%201&state={state}"), state));
        Assert.Throws<OAuthStateMismatchException>(() => AssistLoopOAuthState.ReadCode(new Uri("https://app.example/cb?code=abc&state=forged"), state));
        Assert.Throws<OAuthStateMismatchException>(() => AssistLoopOAuthState.ReadCode(new Uri("https://app.example/cb?code=abc"), state));
        var denied = Assert.Throws<ChatApiAuthenticationException>(() => AssistLoopOAuthState.ReadCode(new Uri($"https://app.example/cb?error=access_denied&state={state}"), state));
        Assert.Equal("access_denied", denied.ErrorCode);
        Assert.Equal("redirect", Assert.Throws<ArgumentException>(() => AssistLoopOAuthState.ReadCode(new Uri($"https://app.example/cb?state={state}"), state)).ParamName);
    }

    [Fact]
    public void Scopes_are_space_separated_in_the_documented_order()
    {
        Assert.Equal("read:conversations read:messages manage:webhooks", AssistLoopScopes.Default.ToScopeString());
        Assert.Equal("read:conversations read:messages manage:webhooks write:conversations", AssistLoopScopes.All.ToScopeString());
        Assert.Equal("", AssistLoopScopes.None.ToScopeString());
        Assert.Equal(AssistLoopScopes.ManageWebhooks | AssistLoopScopes.WriteConversations, AssistLoopScopesExtensions.ParseScopes("write:conversations  manage:webhooks future:scope"));
        Assert.Equal("scopes", Assert.Throws<ArgumentOutOfRangeException>(() => ((AssistLoopScopes)64).ToScopeString()).ParamName);
    }
}
