using ChatApis.AssistLoop;
using StackExchange.Redis;

namespace ChatApis.Redis.TestHost;

/// <summary>
/// Every caller makes one authenticated AssistLoop call with the account's (expired) token from Redis; prints
/// "ok=<n> reauthorization=<n> other=<n>" and exits 0 when every call succeeded.
/// </summary>
internal static class RefreshReplica
{
    public static async Task<int> RunAsync(IConnectionMultiplexer redis, string account, Uri baseAddress, int callers, string clientId, string clientSecret)
    {
        using var client = new AssistLoopClient(new AssistLoopClientOptions
        {
            BaseAddress = baseAddress,
            ClientId = clientId,
            ClientSecret = clientSecret,
            TokenStore = new RedisTokenStore(redis, account, new RedisTokenStoreOptions { LockPollInterval = TimeSpan.FromMilliseconds(10) }),
            EnableRateLimiting = false,
        });

        int ok = 0, reauthorization = 0, other = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            try
            {
                await client.GetMeAsync(cancellationToken: CancellationToken.None);
                Interlocked.Increment(ref ok);
            }
            catch (ChatApiReauthorizationRequiredException)
            {
                Interlocked.Increment(ref reauthorization);
            }
            catch (ChatApiException ex)
            {
                Interlocked.Increment(ref other);
                Console.Error.WriteLine(ex.GetType().Name + ": " + ex.Message);
            }
        }));

        Console.WriteLine($"ok={ok} reauthorization={reauthorization} other={other}");
        return ok == callers ? 0 : 1;
    }
}
