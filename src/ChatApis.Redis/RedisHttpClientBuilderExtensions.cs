using ChatApis.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace ChatApis.Redis;

/// <summary>
/// One line on a client's registration puts its per-account state in Redis:
/// <c>services.AddZipchatClient(configure).UseRedis("zipchat-support")</c>.
/// </summary>
public static class RedisHttpClientBuilderExtensions
{
    /// <summary>
    /// Shares the client's rate-limit budgets (and, for an OAuth client, its tokens and their refreshes) with every
    /// instance using the same <paramref name="accountKey"/>, through the <see cref="IConnectionMultiplexer"/>
    /// registered in the container. See <see cref="RedisClientOptionsExtensions.UseRedis{TOptions}"/>.
    /// </summary>
    /// <param name="builder">The builder a ChatApis <c>AddXxxClient</c> returned.</param>
    /// <param name="accountKey">A name for the connected account or integration, the same in every instance; never a credential (it is part of Redis keys).</param>
    /// <param name="tokenStoreOptions">Key prefix, lock timing and a protector for the stored tokens (OAuth clients only).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is empty, longer than 200 characters, or holds spaces, braces or control characters.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> was not returned by a ChatApis <c>AddXxxClient</c>.</exception>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, string accountKey, RedisTokenStoreOptions? tokenStoreOptions = null)
    {
        CheckAccountKey(accountKey, tokenStoreOptions);
        return builder.ConfigureChatApiOptions((options, services) => options.UseRedis(services.GetRequiredService<IConnectionMultiplexer>(), accountKey, tokenStoreOptions));
    }

    /// <summary>
    /// Shares the client's rate-limit budgets (and, for an OAuth client, its tokens and their refreshes) with every
    /// instance using the same <paramref name="accountKey"/>, through <paramref name="redis"/>.
    /// </summary>
    /// <param name="builder">The builder a ChatApis <c>AddXxxClient</c> returned.</param>
    /// <param name="redis">The application's Redis connection (shared; never disposed by the client).</param>
    /// <param name="accountKey">A name for the connected account or integration, the same in every instance; never a credential (it is part of Redis keys).</param>
    /// <param name="tokenStoreOptions">Key prefix, lock timing and a protector for the stored tokens (OAuth clients only).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is empty, longer than 200 characters, or holds spaces, braces or control characters.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="builder"/> was not returned by a ChatApis <c>AddXxxClient</c>.</exception>
    public static IHttpClientBuilder UseRedis(this IHttpClientBuilder builder, IConnectionMultiplexer redis, string accountKey, RedisTokenStoreOptions? tokenStoreOptions = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        CheckAccountKey(accountKey, tokenStoreOptions);
        return builder.ConfigureChatApiOptions((options, _) => options.UseRedis(redis, accountKey, tokenStoreOptions));
    }

    // At registration, not at the first call: a bad key is a start-up error.
    private static void CheckAccountKey(string accountKey, RedisTokenStoreOptions? tokenStoreOptions) =>
        _ = new RedisAccountKeys(tokenStoreOptions?.KeyPrefix ?? new RedisTokenStoreOptions().KeyPrefix, accountKey);
}
