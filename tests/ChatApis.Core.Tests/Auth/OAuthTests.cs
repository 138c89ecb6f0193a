using ChatApis.Auth.OAuth;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;

namespace ChatApis.Core.Tests.Auth;

public class OAuthTests : SimulatorTest
{
    private readonly TimeProvider _time = TimeProvider.System;

    private (ChatApiPipeline Api, OAuthTokenManager Tokens, TestRefresher Refresher) Client(ITokenStore store, TimeSpan? refreshBefore = null)
    {
        var refresher = new TestRefresher(TestVendor.Pipeline(Sim), _time);
        var manager = new OAuthTokenManager(store, refresher, "Test", refreshBefore, _time);
        var api = TestVendor.Pipeline(Sim, handlers: new OAuthHandler(manager, "Test"));
        return (api, manager, refresher);
    }

    private OAuthTokens Expired() => new("access-0", "refresh-0", _time.GetUtcNow().AddMinutes(-1));

    [Fact]
    public async Task A_hundred_concurrent_callers_with_an_expired_token_cause_exactly_one_refresh()
    {
        Sim.ExpireAccessToken();
        var store = new InMemoryTokenStore(Expired());
        var (api, _, refresher) = Client(store);

        var calls = Enumerable.Range(0, 100).Select(_ => api.GetSecureAsync(TestContext.Current.CancellationToken));
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal("secure", r.Value.Id));
        Assert.Equal(1, Sim.RefreshCount);
        Assert.Equal(1, refresher.Calls);
        Assert.Equal(1, store.SaveCount);
        var stored = await store.GetTokensAsync(TestContext.Current.CancellationToken);
        Assert.Equal("access-1", stored!.AccessToken);
        Assert.Equal("refresh-1", stored.RefreshToken);
        Assert.All(Sim.Journal.Where("GET", "/v1/secure"), r => Assert.Equal("Bearer access-1", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task The_rotated_tokens_are_saved_before_the_new_access_token_is_used()
    {
        Sim.ExpireAccessToken();
        var store = new OrderRecordingStore(Sim, Expired());
        var (api, _, _) = Client(store);

        await api.GetSecureAsync(TestContext.Current.CancellationToken);

        var firstUse = Sim.Journal.Requests.ToList().FindIndex(r => r.Headers.TryGetValue("Authorization", out var a) && a == "Bearer access-1");
        Assert.True(store.JournalCountAtSave is { } saved && saved <= firstUse, $"saved at {store.JournalCountAtSave}, first used at {firstUse}");
    }

    [Fact]
    public async Task A_401_refreshes_once_and_retries_once()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1)));
        Sim.ExpireAccessToken(); // revoked server-side although not yet expired
        var (api, _, _) = Client(store);

        var response = await api.GetSecureAsync(TestContext.Current.CancellationToken);

        Assert.Equal("secure", response.Value.Id);
        Assert.Equal(["GET /v1/secure", "POST /oauth/token", "GET /v1/secure"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal("Bearer access-1", Sim.Journal.Last.Headers["Authorization"]);
    }

    [Fact]
    public async Task Fifty_concurrent_401s_share_one_refresh()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1)));
        Sim.ExpireAccessToken();
        var (api, _, _) = Client(store);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.GetSecureAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(1, Sim.RefreshCount);
    }

    [Fact]
    public async Task A_401_after_the_refresh_is_not_retried_again()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1)));
        Sim.ExpireAccessToken();
        Sim.Faults.On("GET", "/v1/secure").Times(2, Testing.Fault.Status(401, """{"error":"Unauthenticated","message":"nope"}"""));
        var (api, _, _) = Client(store);

        await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => api.GetSecureAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, Sim.Journal.Where("GET", "/v1/secure").Count);
        Assert.Equal(1, Sim.RefreshCount);
    }

    [Fact]
    public async Task A_failing_refresh_asks_for_reauthorization_and_leaves_the_store_intact()
    {
        Sim.ExpireAccessToken();
        Sim.RejectRefresh = true;
        var original = Expired();
        var store = new InMemoryTokenStore(original);
        var (api, _, _) = Client(store);

        var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => api.GetSecureAsync(TestContext.Current.CancellationToken));

        Assert.Equal("invalid_grant", error.ErrorCode);
        Assert.Same(original, await store.GetTokensAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, store.SaveCount);
        Assert.Empty(Sim.Journal.Where("GET", "/v1/secure"));
    }

    [Fact]
    public async Task No_stored_tokens_asks_for_authorization_without_any_request()
    {
        var (api, _, _) = Client(new InMemoryTokenStore());

        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => api.GetSecureAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_refreshed_early()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", "refresh-0", _time.GetUtcNow().AddMinutes(2)));
        var (api, _, _) = Client(store, refreshBefore: TimeSpan.FromMinutes(5));

        await api.GetSecureAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["POST /oauth/token", "GET /v1/secure"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task A_caller_that_gives_up_mid_refresh_does_not_lose_the_rotated_token()
    {
        Sim.ExpireAccessToken();
        Sim.RefreshLatency = TimeSpan.FromMilliseconds(300);
        var store = new InMemoryTokenStore(Expired());
        var (api, manager, _) = Client(store);
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetSecureAsync(impatient.Token));

        // The shared refresh finishes anyway and the rotated pair reaches the store.
        var token = await manager.GetAccessTokenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("access-1", token);
        Assert.Equal("refresh-1", (await store.GetTokensAsync(TestContext.Current.CancellationToken))!.RefreshToken);
        Assert.Equal(1, Sim.RefreshCount);
    }

    [Fact]
    public async Task A_401_with_no_refresh_token_reports_the_servers_status_error_message_and_request_id()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", null, _time.GetUtcNow().AddHours(1)));
        Sim.Faults.On("GET", "/v1/secure").Once(Testing.Fault.Status(
            401, """{"error":"Unauthenticated","message":"The access token was revoked."}""", headers: new Dictionary<string, string> { ["Request-Id"] = "req_401" }));
        var (api, _, refresher) = Client(store);

        var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => api.GetSecureAsync(TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Unauthenticated", error.ErrorCode);
        Assert.Equal("req_401", error.RequestId);
        Assert.Equal("Test", error.Vendor);
        Assert.Equal("""{"error":"Unauthenticated","message":"The access token was revoked."}""", error.RawBody);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("The access token was revoked.", error.Message, StringComparison.Ordinal);
        Assert.Contains("req_401", error.Message, StringComparison.Ordinal);
        Assert.Contains("no refresh token is stored", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("access-0", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(["GET /v1/secure"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(0, refresher.Calls);
    }

    [Fact]
    public async Task After_a_401_and_a_rejected_refresh_later_calls_send_nothing_at_all()
    {
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", "refresh-0", _time.GetUtcNow().AddHours(1)));
        Sim.ExpireAccessToken(); // revoked server-side although not yet expired
        Sim.RejectRefresh = true;
        var (api, _, refresher) = Client(store);
        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => api.GetSecureAsync(TestContext.Current.CancellationToken));

        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => api.GetSecureAsync(TestContext.Current.CancellationToken));
            Assert.Equal("invalid_grant", error.ErrorCode);
        }

        Assert.Equal(["GET /v1/secure", "POST /oauth/token"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(1, refresher.Calls);
    }

    [Fact]
    public void Tokens_never_show_in_ToString()
    {
        var text = new OAuthTokens("eyJsecretaccess", "def502secretrefresh", DateTimeOffset.UnixEpoch, "read:messages").ToString();
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("read:messages", text, StringComparison.Ordinal);
    }

    private sealed class OrderRecordingStore(CoreSimulator sim, OAuthTokens initial) : ITokenStore
    {
        private OAuthTokens _tokens = initial;

        public int? JournalCountAtSave { get; private set; }

        public ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default) => new(_tokens);

        public ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
        {
            JournalCountAtSave = sim.Journal.Count;
            _tokens = tokens;
            return default;
        }
    }
}
