using ChatApis.Auth.OAuth;
using ChatApis.Redis.Tests.Support;
using StackExchange.Redis;

namespace ChatApis.Redis.Tests;

public sealed class RedisTokenStoreTests(SharedRedis redis)
{
    private static readonly OAuthTokens Pair = new("access-secret-1", "refresh-secret-1", DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_123), "read write") { TokenType = "Bearer" };

    [Fact]
    public async Task An_account_without_tokens_reads_as_none()
    {
        var store = new RedisTokenStore(redis.Connection, SharedRedis.NewAccount());
        Assert.Null(await store.GetTokensAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_field_of_a_saved_pair_is_read_back_by_another_instance()
    {
        var account = SharedRedis.NewAccount();
        await new RedisTokenStore(redis.Connection, account).SaveTokensAsync(Pair, TestContext.Current.CancellationToken);
        await using var other = await redis.Server.ConnectAsync();

        var read = await new RedisTokenStore(other, account).GetTokensAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(read);
        Assert.Equal("access-secret-1", read.AccessToken);
        Assert.Equal("refresh-secret-1", read.RefreshToken);
        Assert.Equal(Pair.ExpiresAt, read.ExpiresAt);
        Assert.Equal("read write", read.Scope);
        Assert.Equal("Bearer", read.TokenType);
    }

    [Fact]
    public async Task Keys_name_the_account_and_never_a_token()
    {
        var account = SharedRedis.NewAccount();
        var store = new RedisTokenStore(redis.Connection, account);
        await store.SaveTokensAsync(Pair, TestContext.Current.CancellationToken);
        await using (var lease = await store.AcquireAsync(_ => ValueTask.FromResult(false), TestContext.Current.CancellationToken))
        {
            var keys = redis.Connection.GetServers()[0].Keys(pattern: $"*{account}*").Select(k => k.ToString()).ToList();
            Assert.Equal([$"chatapis:{{{account}}}:refresh-lock", $"chatapis:{{{account}}}:tokens"], keys.Order(StringComparer.Ordinal));
            Assert.DoesNotContain(keys, k => k.Contains("secret", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task With_a_protector_Redis_holds_no_token_in_clear()
    {
        var account = SharedRedis.NewAccount();
        var store = new RedisTokenStore(redis.Connection, account, new RedisTokenStoreOptions { Protector = new ReversingProtector() });
        await store.SaveTokensAsync(Pair, TestContext.Current.CancellationToken);

        var raw = (string?)await redis.Connection.GetDatabase().StringGetAsync($"chatapis:{{{account}}}:tokens");

        Assert.NotNull(raw);
        Assert.DoesNotContain("access-secret-1", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-secret-1", raw, StringComparison.Ordinal);
        Assert.Equal("access-secret-1", (await store.GetTokensAsync(TestContext.Current.CancellationToken))!.AccessToken);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a b")]
    [InlineData("a{b}")]
    [InlineData("a\nb")]
    public void An_account_key_that_cannot_be_one_key_part_is_refused(string accountKey)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new RedisTokenStore(redis.Connection, accountKey));
        Assert.Equal("accountKey", error.ParamName);
    }

    [Fact]
    public void An_account_key_longer_than_200_characters_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new RedisRateLimiter(redis.Connection, new string('a', 201)));
        Assert.Equal("accountKey", error.ParamName);
        Assert.Contains("200", error.Message, StringComparison.Ordinal);
    }

    private sealed class ReversingProtector : ITokenProtector
    {
        public string Protect(string plaintext) => "v1:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext).Reverse().ToArray());

        public string Unprotect(string protectedText) =>
            System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(protectedText["v1:".Length..]).Reverse().ToArray());
    }
}
