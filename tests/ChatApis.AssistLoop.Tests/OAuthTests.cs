using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Testing.AssistLoop;
using Microsoft.Extensions.Logging;

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
        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

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
        Assert.Equal("john.doe@example.com", me.Value.Email); // the simulator's plausible seed, not the documents' obfuscation

        // The code was single-use.
        await Assert.ThrowsAsync<ChatApiValidationException>(() => client.ExchangeCodeAsync(code, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_documented_token_response_is_parsed_and_saved_before_returning()
    {
        var store = new InMemoryTokenStore();
        var client = Client(configure: o => o.TokenStore = store);
        Serve("POST", "/oauth/token", Fixture("zapier", "token-code"));

        var tokens = await client.ExchangeCodeAsync("def50200a1b2c3...", new Uri("https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/"), cancellationToken: TestContext.Current.CancellationToken);

        AssertJsonBody(Sim.Journal.Last, """{"grant_type":"authorization_code","client_id":"al_sim_client","client_secret":"al_sim_client_secret","redirect_uri":"https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/","code":"def50200a1b2c3..."}""");
        Assert.Equal("eyJ0eXAiOiJKV1QiLCJhbGc...", tokens.Value.AccessToken);
        Assert.Equal("def50200d4e5f6...", tokens.Value.RefreshToken);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(31536000), tokens.Value.ExpiresAt);
        Assert.Equal("Bearer", tokens.Value.TokenType);
        Assert.Null(tokens.Value.Scope);
        Assert.Equal(1, store.SaveCount);
        Assert.Same(tokens.Value, await store.GetTokensAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Me_sends_the_bearer_token_and_parses_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        Serve("GET", BasePath(surface) + "oauth/me", Fixture(surface, "me"));

        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

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

        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

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

        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        AssertJsonBody(Sim.Journal.Where("POST", "/oauth/token").Single(), $$"""{"grant_type":"refresh_token","refresh_token":"{{issued.RefreshToken}}","client_id":"al_sim_client","client_secret":"al_sim_client_secret","scope":"read:conversations read:messages"}""");
    }

    [Fact]
    public async Task The_documented_refresh_response_rotates_the_stored_refresh_token()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("old-access", "def50200d4e5f6...", Clock.GetUtcNow().AddSeconds(-1)));
        var client = Client(configure: o => o.TokenStore = store);
        Serve("POST", "/oauth/token", Fixture("zapier", "token-refresh"));
        Serve("GET", "/api/v1/oauth/me", Fixture("zapier", "me"));

        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        var saved = (await store.GetTokensAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("eyJ0eXAiOiJKV1QiLCJhbGc...", saved.AccessToken);
        Assert.Equal("def50200g7h8i9...", saved.RefreshToken);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(31536000), saved.ExpiresAt);
        Assert.Equal("Bearer", saved.TokenType);
        AssertBearer(Sim.Journal.Last, "eyJ0eXAiOiJKV1QiLCJhbGc...");
    }

    [Fact]
    public async Task Fifty_concurrent_calls_with_an_expired_token_cause_exactly_one_refresh()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.FromSeconds(30));
        var store = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var client = Client(configure: o => o.TokenStore = store);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var calls = Enumerable.Range(0, 50).Select(_ => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));
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

        var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

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
        await Client(configure: o => o.TokenStore = first).GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => Client(configure: o => o.TokenStore = second).GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_401_refreshes_once_and_retries_once()
    {
        var issued = Sim.IssueTokens();
        var store = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var client = Client(configure: o => o.TokenStore = store);
        Sim.RevokeAccessToken(issued.AccessToken);

        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

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

        var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(Sim.Journal.Requests);

        // The server's answer reaches the caller, and nothing claims an expiry that did not happen.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthenticated", error.ErrorCode);
        Assert.Equal(Sim.LastRequestId, error.RequestId);
        Assert.NotNull(error.RequestId);
        Assert.Equal("AssistLoop", error.Vendor);
        Assert.Equal("""{"error":"Unauthenticated","message":"No valid API token provided."}""", error.RawBody);
        Assert.Contains("No valid API token provided.", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.RequestId!, error.Message, StringComparison.Ordinal);
        Assert.Contains("no refresh token is stored", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-a-valid-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_fails_to_save_the_rotated_pair_keeps_it_in_use_and_saves_it_once_the_store_works()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.FromMinutes(1));
        var store = new FlakyStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt)) { FailSaves = true };
        var client = Client(configure: o => o.TokenStore = store);
        Clock.Advance(TimeSpan.FromMinutes(2));

        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        // The call succeeded with the rotated pair although the store threw; the store still holds the dead pair.
        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.True(client.HasUnsavedTokens);
        Assert.Equal(issued.RefreshToken, store.Held!.RefreshToken);
        Assert.False(Sim.IsRefreshTokenValid(issued.RefreshToken));
        var rotatedBearer = Sim.Journal.Last.Headers["Authorization"];
        Assert.NotEqual("Bearer " + issued.AccessToken, rotatedBearer);

        // The next call uses the pair from memory: no second refresh, no re-authorization.
        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(rotatedBearer, Sim.Journal.Last.Headers["Authorization"]);
        Assert.Equal(1, Sim.RefreshCount);

        store.FailSaves = false;
        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(client.HasUnsavedTokens);
        var saved = store.Held!;
        Assert.True(Sim.IsRefreshTokenValid(saved.RefreshToken!));
        Assert.Equal(rotatedBearer, "Bearer " + saved.AccessToken);
        Assert.Equal("Bearer", saved.TokenType);
        Assert.Equal(Clock.GetUtcNow().AddSeconds(31_536_000), saved.ExpiresAt);
        Assert.Equal(1, Sim.RefreshCount);
        Assert.Equal(["POST /oauth/token", "GET /api/v1/oauth/me", "GET /api/v1/oauth/me", "GET /api/v1/oauth/me"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Tokens_from_a_code_exchange_the_store_fails_to_save_are_returned_and_used()
    {
        var store = new FlakyStore(null) { FailSaves = true };
        var client = Client(configure: o => { o.AccessToken = null; o.RefreshToken = null; o.TokenStore = store; o.RedirectUri = new Uri(AssistLoopSimulator.ZapierRedirectUri); });
        var authorized = await client.AuthorizeAsync("s1", sessionCookie: AssistLoopSimulator.SessionCookie, cancellationToken: TestContext.Current.CancellationToken);

        var tokens = await client.ExchangeCodeAsync(authorized.Value.Code, cancellationToken: TestContext.Current.CancellationToken);
        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        AssertBearer(Sim.Journal.Last, tokens.Value.AccessToken);
        Assert.True(client.HasUnsavedTokens);
        Assert.Null(store.Held);

        store.FailSaves = false;
        Assert.True(await client.SaveUnsavedTokensAsync(TestContext.Current.CancellationToken));
        Assert.Same(tokens.Value, store.Held);
        Assert.False(client.HasUnsavedTokens);
    }

    public static TheoryData<string, double?> ExpiresInValues => new()
    {
        { "31536000", 31_536_000 },
        { "100000000000000", 31_536_000 }, // clamped to the documented default, one year
        { "1e14", 31_536_000 },
        { "3600.5", 3600.5 },
        { "\"3600\"", 3600 },
        { "1e400", null },
        { "0", null },                      // unknown, not "expired": that would rotate on every call
        { "-5", null },
        { "null", null },
        { "\"soon\"", null },
        { "true", null },
        { "{\"seconds\":3600}", null },
        { "[3600]", null },
    };

    [Theory]
    [MemberData(nameof(ExpiresInValues))]
    public async Task An_odd_expires_in_is_clamped_or_unknown_and_the_rotated_pair_is_saved_either_way(string expiresIn, double? expectedSeconds)
    {
        var store = new InMemoryTokenStore(new OAuthTokens("old-access", "def50200d4e5f6...", Clock.GetUtcNow().AddSeconds(-1)));
        var client = Client(configure: o => o.TokenStore = store);
        Serve("POST", "/oauth/token", $$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"access_token":"eyJ0eXAiOiJKV1QiLCJhbGc...","refresh_token":"def50200g7h8i9..."}""");
        Serve("GET", "/api/v1/oauth/me", Fixture("zapier", "me"));

        await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        var saved = (await store.GetTokensAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(1, store.SaveCount);
        Assert.Equal("eyJ0eXAiOiJKV1QiLCJhbGc...", saved.AccessToken);
        Assert.Equal("def50200g7h8i9...", saved.RefreshToken);
        Assert.Equal(expectedSeconds is { } s ? Clock.GetUtcNow() + TimeSpan.FromSeconds(s) : null, saved.ExpiresAt);
        Assert.Equal("Bearer", saved.TokenType);
        AssertBearer(Sim.Journal.Last, "eyJ0eXAiOiJKV1QiLCJhbGc...");
    }

    [Fact]
    public async Task After_invalid_grant_ten_more_calls_send_no_token_request_until_the_store_holds_a_new_pair()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("expired-access", "def50200_unknown", Clock.GetUtcNow().AddMinutes(-1)));
        var client = Client(configure: o => o.TokenStore = store);
        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));
            Assert.Equal("invalid_grant", error.ErrorCode);
            Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(["POST /oauth/token"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));

        // The user authorized again (the store got a new pair): it is used at once.
        var again = Sim.IssueTokens(expiresIn: TimeSpan.Zero);
        await store.SaveTokensAsync(new OAuthTokens(again.AccessToken, again.RefreshToken, again.ExpiresAt), TestContext.Current.CancellationToken);
        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        AssertJsonBody(Sim.Journal.Where("POST", "/oauth/token").Last(), $$"""{"grant_type":"refresh_token","refresh_token":"{{again.RefreshToken}}","client_id":"al_sim_client","client_secret":"al_sim_client_secret"}""");
        Assert.Equal(2, Sim.Journal.Where("POST", "/oauth/token").Count);
    }

    [Fact]
    public async Task A_rejected_refresh_token_shows_in_no_log_line_and_in_neither_the_first_nor_the_fail_fast_error()
    {
        var logs = new LogLines();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var store = new InMemoryTokenStore(new OAuthTokens("al_at_expired_secret", "def50200_dead_secret", Clock.GetUtcNow().AddMinutes(-1)));
        using var client = new AssistLoopClient(Options(AssistLoopSurface.Zapier, o => o.TokenStore = store), Clock, loggerFactory);

        var first = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));
        var failFast = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("already rejected", failFast.Message, StringComparison.Ordinal);
        var texts = logs.Lines.Concat([first.Message, first.ToString(), failFast.Message, failFast.ToString()]).ToList();
        Assert.Contains(texts, t => t.Contains("re-authorization is required", StringComparison.Ordinal));
        foreach (var secret in new[] { "al_at_expired_secret", "def50200_dead_secret", AssistLoopSimulator.ClientSecret })
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("""{"token_type":"Bearer","expires_in":3600,"access_token":"abc\r\nX-Injected: yes","refresh_token":"def50200_new"}""")]
    [InlineData("""{"token_type":"Bearer","expires_in":3600,"access_token":"two words","refresh_token":"def50200_new"}""")]
    [InlineData("""{"token_type":"Bearer","expires_in":3600,"access_token":"","refresh_token":"def50200_new"}""")]
    [InlineData("""{"token_type":"Bearer","expires_in":3600,"access_token":"eyJ.ok","refresh_token":"def\u0000nul"}""")]
    public async Task A_token_response_with_an_unusable_token_is_an_invalid_response_and_leaves_the_store_intact(string body)
    {
        var before = new OAuthTokens("old-access", "def50200d4e5f6...", Clock.GetUtcNow().AddSeconds(-1));
        var store = new InMemoryTokenStore(before);
        var client = Client(configure: o => o.TokenStore = store);
        Serve("POST", "/oauth/token", body);

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("AssistLoop's token endpoint answered with", error.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(Sim.LastRequestId, error.RequestId);
        Assert.Same(before, await store.GetTokensAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["POST /oauth/token"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_missing_scope_is_a_permission_error()
    {
        var issued = Sim.IssueTokens(AssistLoopSimulator.DefaultScopes);
        var client = Client(configure: o => { o.AccessToken = issued.AccessToken; o.RefreshToken = issued.RefreshToken; });

        var error = await Assert.ThrowsAsync<ChatApiPermissionException>(() => client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken));

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

    /// <summary>A store that throws on save while <see cref="FailSaves"/> is set.</summary>
    private sealed class FlakyStore(OAuthTokens? initial) : ITokenStore
    {
        private volatile OAuthTokens? _tokens = initial;

        public bool FailSaves { get; set; }

        public OAuthTokens? Held => _tokens;

        public ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default) => new(_tokens);

        public ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
        {
            if (FailSaves)
            {
                throw new IOException("disk full");
            }

            _tokens = tokens;
            return default;
        }
    }

    /// <summary>Every formatted log line, with its exception.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");

        public void Dispose()
        {
        }
    }
}
