using ChatApis.Auth.OAuth;
using ChatApis.Http;
using StackExchange.Redis;

namespace ChatApis.Redis;

/// <summary>Puts a client's per-account state in Redis, so several instances of a service share one account safely.</summary>
public static class RedisClientOptionsExtensions
{
    /// <summary>
    /// Shares this client's rate-limit budgets with every instance that uses the same <paramref name="accountKey"/>
    /// and, for a client that signs in with OAuth (AssistLoop), its tokens and their refreshes: one
    /// <see cref="RedisRateLimiter"/> and one <see cref="RedisTokenStore"/> for the account. With dependency injection:
    /// <c>services.AddAssistLoopClient(o => o.UseRedis(redis, "acct-42"))</c>, or, with the connection from the container,
    /// <c>services.AddOptions&lt;AssistLoopClientOptions&gt;().Configure&lt;IConnectionMultiplexer&gt;((o, redis) =&gt; o.UseRedis(redis, "acct-42"))</c>.
    /// </summary>
    /// <typeparam name="TOptions">The vendor's options type.</typeparam>
    /// <param name="options">The client's options.</param>
    /// <param name="redis">The application's Redis connection (shared; never disposed by the client).</param>
    /// <param name="accountKey">A name for the connected account or integration, the same in every instance; never a credential (it is part of Redis keys).</param>
    /// <param name="tokenStoreOptions">Key prefix, lock timing and a protector for the stored tokens (OAuth clients only).</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is empty, longer than 200 characters, or holds spaces, braces or control characters.</exception>
    public static TOptions UseRedis<TOptions>(this TOptions options, IConnectionMultiplexer redis, string accountKey, RedisTokenStoreOptions? tokenStoreOptions = null)
        where TOptions : ChatApiClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(redis);
        var prefix = tokenStoreOptions?.KeyPrefix ?? new RedisTokenStoreOptions().KeyPrefix;
        options.UseSharedRateLimiter(new RedisRateLimiter(redis, accountKey, prefix));
        if (options is IOAuthClientOptions oauth)
        {
            oauth.TokenStore = new RedisTokenStore(redis, accountKey, tokenStoreOptions);
        }

        return options;
    }
}
