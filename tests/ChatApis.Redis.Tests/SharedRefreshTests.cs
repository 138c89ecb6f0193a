using ChatApis.Auth.OAuth;
using ChatApis.Redis.Tests.Support;

namespace ChatApis.Redis.Tests;

/// <summary>
/// Several instances of a service (each with its own Redis connection and token manager, as separate processes
/// have) holding one account's expired token: exactly one refresh, no re-authorization error, one final pair.
/// </summary>
public sealed class SharedRefreshTests(SharedRedis redis)
{
    private static readonly OAuthTokens Expired = new("access-0", "refresh-0", DateTimeOffset.UtcNow.AddMinutes(-1));

    [Fact]
    public async Task Four_instances_with_ten_callers_each_refresh_an_expired_token_once()
    {
        var account = SharedRedis.NewAccount();
        await new RedisTokenStore(redis.Connection, account).SaveTokensAsync(Expired, TestContext.Current.CancellationToken);
        var endpoint = new RotatingRefresher("refresh-0", TimeProvider.System);
        var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => redis.Server.ConnectAsync()));
        try
        {
            var managers = connections.Select(c => new OAuthTokenManager(
                new RedisTokenStore(c, account, new RedisTokenStoreOptions { LockPollInterval = TimeSpan.FromMilliseconds(5) }),
                endpoint,
                "Test")).ToList();

            var tokens = await Task.WhenAll(managers.SelectMany(m => Enumerable.Range(0, 10).Select(_ => Task.Run(() => m.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask()))))
                .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

            Assert.Equal(1, endpoint.Calls);
            Assert.Equal(0, endpoint.Rejected);
            Assert.All(tokens, t => Assert.Equal("access-1", t));
            var stored = await new RedisTokenStore(redis.Connection, account).GetTokensAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("access-1", "refresh-1"), (stored!.AccessToken, stored.RefreshToken));
            Assert.All(managers, m => Assert.Equal("refresh-1", m.CurrentTokens!.RefreshToken));
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Without_the_shared_store_an_instance_would_kill_the_other_ones_pair()
    {
        // The control: the same two instances, each with its own in-memory store (no coordination) lose an
        // account, which is what the Redis store prevents.
        var endpoint = new RotatingRefresher("refresh-0", TimeProvider.System);
        var first = new OAuthTokenManager(new InMemoryTokenStore(Expired), endpoint, "Test");
        var second = new OAuthTokenManager(new InMemoryTokenStore(Expired), endpoint, "Test");

        await first.GetAccessTokenAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => second.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask());
        Assert.Equal(2, endpoint.Calls);
    }

    [Fact]
    public async Task When_Redis_is_unreachable_the_refresh_fails_typed_and_nothing_is_sent_to_the_token_endpoint()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(TimeSpan.FromMilliseconds(500));
        var account = SharedRedis.NewAccount();
        var store = new RedisTokenStore(connection, account);
        await store.SaveTokensAsync(Expired, TestContext.Current.CancellationToken);
        var endpoint = new RotatingRefresher("refresh-0", TimeProvider.System);
        var manager = new OAuthTokenManager(store, endpoint, "Test");

        // The manager has read the pair once (so it holds it), then Redis goes away.
        Assert.Null(manager.CurrentTokens);
        await server.StopAsync();

        var error = await Assert.ThrowsAsync<ChatApiTokenStoreException>(() => manager.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Equal(0, endpoint.Calls);
        Assert.DoesNotContain("refresh-0", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("access-0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_Redis_goes_away_after_the_pair_was_read_the_refresh_is_not_attempted()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(TimeSpan.FromMilliseconds(500));
        var store = new RedisTokenStore(connection, SharedRedis.NewAccount());
        await store.SaveTokensAsync(Expired with { ExpiresAt = DateTimeOffset.UtcNow.AddHours(1) }, TestContext.Current.CancellationToken);
        var endpoint = new RotatingRefresher("refresh-0", TimeProvider.System);
        var manager = new OAuthTokenManager(store, endpoint, "Test");
        Assert.Equal("access-0", await manager.GetAccessTokenAsync(TestContext.Current.CancellationToken));
        await server.StopAsync();

        // The server rejects the access token (401): a refresh is needed, and needs the lock.
        await Assert.ThrowsAsync<ChatApiTokenStoreException>(() => manager.RefreshAsync("access-0", TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(0, endpoint.Calls);
    }

    [Fact]
    public async Task Redis_going_away_right_after_the_refresh_loses_no_rotation_and_the_pair_is_saved_when_it_is_back()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(TimeSpan.FromMilliseconds(500));
        var account = SharedRedis.NewAccount();
        var store = new RedisTokenStore(connection, account);
        await store.SaveTokensAsync(Expired, TestContext.Current.CancellationToken);
        var endpoint = new RotatingRefresher("refresh-0", TimeProvider.System);
        var manager = new OAuthTokenManager(store, new StopRedisAfterRefresh(endpoint, server), "Test") { SaveTimeout = TimeSpan.FromSeconds(2) };

        // The token endpoint rotated the pair (the old refresh token is dead) and then Redis went away.
        var token = await manager.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("access-1", token);
        Assert.True(manager.HasUnsavedTokens);
        Assert.Equal("access-1", await manager.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        // Back (empty), and once the connection has reconnected the held pair is saved.
        await server.RestartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await manager.SaveUnsavedTokensAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken))
        {
            Assert.True(DateTime.UtcNow < deadline, "the held pair was not saved within 30 s of Redis coming back");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var stored = await new RedisTokenStore(connection, account).GetTokensAsync(TestContext.Current.CancellationToken);
        Assert.Equal(("access-1", "refresh-1"), (stored!.AccessToken, stored.RefreshToken));
        Assert.Equal(1, endpoint.Calls);
    }

    private sealed class StopRedisAfterRefresh(ITokenRefresher inner, RedisServer server) : ITokenRefresher
    {
        public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
        {
            var tokens = await inner.RefreshAsync(refreshToken, cancellationToken);
            await server.StopAsync();
            return tokens;
        }
    }

    [Fact]
    public async Task An_instance_that_died_holding_the_lock_delays_the_refresh_until_its_lease_expires_then_one_refresh_happens()
    {
        var account = SharedRedis.NewAccount();
        await new RedisTokenStore(redis.Connection, account).SaveTokensAsync(Expired, TestContext.Current.CancellationToken);
        await redis.Connection.GetDatabase().StringSetAsync($"chatapis:{{{account}}}:refresh-lock", "died-mid-refresh", TimeSpan.FromMilliseconds(300));
        var endpoint = new RotatingRefresher("refresh-0", TimeProvider.System);
        var managers = Enumerable.Range(0, 2).Select(_ => new OAuthTokenManager(
            new RedisTokenStore(redis.Connection, account, new RedisTokenStoreOptions { LockPollInterval = TimeSpan.FromMilliseconds(10) }), endpoint, "Test")).ToList();

        var tokens = await Task.WhenAll(managers.Select(m => m.GetAccessTokenAsync(TestContext.Current.CancellationToken).AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(["access-1", "access-1"], tokens);
        Assert.Equal(1, endpoint.Calls);
    }
}
