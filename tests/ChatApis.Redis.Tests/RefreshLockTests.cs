using ChatApis.Auth.OAuth;
using ChatApis.Redis.Tests.Support;
using StackExchange.Redis;

namespace ChatApis.Redis.Tests;

public sealed class RefreshLockTests(SharedRedis redis)
{
    private static readonly OAuthTokens Old = new("access-0", "refresh-0", DateTimeOffset.UnixEpoch);
    private static readonly OAuthTokens Rotated = new("access-1", "refresh-1", DateTimeOffset.UnixEpoch.AddHours(1));

    private static ValueTask<bool> Unchanged(CancellationToken _) => ValueTask.FromResult(false);

    [Fact]
    public async Task A_second_instance_waits_for_the_lock_and_gets_it_once_the_first_releases_it()
    {
        var account = SharedRedis.NewAccount();
        var first = new RedisTokenStore(redis.Connection, account);
        await using var otherConnection = await redis.Server.ConnectAsync();
        var second = new RedisTokenStore(otherConnection, account, new RedisTokenStoreOptions { LockPollInterval = TimeSpan.FromMilliseconds(10) });

        var held = await first.AcquireAsync(Unchanged, TestContext.Current.CancellationToken);
        var waiting = second.AcquireAsync(Unchanged, TestContext.Current.CancellationToken).AsTask();
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        await held!.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_waiting_instance_stops_waiting_without_the_lock_when_the_store_changes()
    {
        var account = SharedRedis.NewAccount();
        var store = new RedisTokenStore(redis.Connection, account, new RedisTokenStoreOptions { LockPollInterval = TimeSpan.FromMilliseconds(10) });
        await using var held = await store.AcquireAsync(Unchanged, TestContext.Current.CancellationToken);
        var polls = 0;

        var lease = await store.AcquireAsync(_ => ValueTask.FromResult(++polls == 3), TestContext.Current.CancellationToken)
            .AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Null(lease);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task An_expired_holder_cannot_overwrite_the_pair_of_the_instance_that_took_the_lock_over()
    {
        var account = SharedRedis.NewAccount();
        var store = new RedisTokenStore(redis.Connection, account);
        await store.SaveTokensAsync(Old, TestContext.Current.CancellationToken);
        var expired = await store.AcquireAsync(Unchanged, TestContext.Current.CancellationToken);

        // The lock's expiry passes (done at once here), another instance takes it and saves its pair.
        await redis.Connection.GetDatabase().KeyDeleteAsync($"chatapis:{{{account}}}:refresh-lock");
        await using var current = await store.AcquireAsync(Unchanged, TestContext.Current.CancellationToken);
        await current!.SaveTokensAsync(Rotated, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ChatApiTokenStoreException>(() => expired!.SaveTokensAsync(Old with { AccessToken = "late" }, TestContext.Current.CancellationToken).AsTask());
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
        Assert.Equal("access-1", (await store.GetTokensAsync(TestContext.Current.CancellationToken))!.AccessToken);

        // Its release does not free the lock the other instance holds.
        await expired!.DisposeAsync();
        Assert.True(await redis.Connection.GetDatabase().KeyExistsAsync($"chatapis:{{{account}}}:refresh-lock"));
    }

    [Fact]
    public async Task A_lock_whose_holder_died_expires_and_another_instance_takes_it()
    {
        var account = SharedRedis.NewAccount();

        // A holder that died: its lock key stays until its expiry.
        await redis.Connection.GetDatabase().StringSetAsync($"chatapis:{{{account}}}:refresh-lock", "dead-holder", TimeSpan.FromMilliseconds(300));
        var store = new RedisTokenStore(redis.Connection, account, new RedisTokenStoreOptions { LockPollInterval = TimeSpan.FromMilliseconds(20) });

        await using var lease = await store.AcquireAsync(Unchanged, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.NotNull(lease);
        await lease.SaveTokensAsync(Rotated, TestContext.Current.CancellationToken);
        Assert.Equal("access-1", (await store.GetTokensAsync(TestContext.Current.CancellationToken))!.AccessToken);
    }

    [Fact]
    public async Task Without_Redis_the_lock_cannot_be_taken_and_the_error_is_typed()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(TimeSpan.FromMilliseconds(500));
        var store = new RedisTokenStore(connection, SharedRedis.NewAccount());
        await server.StopAsync();

        var error = await Assert.ThrowsAsync<ChatApiTokenStoreException>(() => store.AcquireAsync(Unchanged, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Contains("Redis could not be reached", error.Message, StringComparison.Ordinal);
        Assert.Contains("no refresh was attempted", error.Message, StringComparison.Ordinal);
    }
}
