// One replica of a service sharing an AssistLoop account through Redis. Arguments: the Redis Unix socket, the
// account key, the simulator's AssistLoop Zapier base address, the number of concurrent callers. Every caller
// makes one authenticated call; the replica prints "ok=<n> reauthorization=<n> other=<n>" and exits 0 when every
// call succeeded.
using System.Net.Sockets;
using ChatApis;
using ChatApis.AssistLoop;
using ChatApis.Redis;
using StackExchange.Redis;

var (socket, account, baseAddress, callers) = (args[0], args[1], new Uri(args[2]), int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
var redisOptions = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 5000, AsyncTimeout = 5000, SyncTimeout = 5000 };
redisOptions.EndPoints.Add(new UnixDomainSocketEndPoint(socket));
await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);

using var client = new AssistLoopClient(new AssistLoopClientOptions
{
    BaseAddress = baseAddress,
    ClientId = args.Length > 4 ? args[4] : "al_sim_client",
    ClientSecret = args.Length > 5 ? args[5] : "al_sim_client_secret",
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
