// One replica of a service sharing a connected account through Redis, started several times at once by the
// multi-process tests of ChatApis.Redis. The first argument names what the replica does:
//   refresh <redis socket> <account> <AssistLoop Zapier base> <callers> [client id] [client secret]
//   burst <redis socket> <account> <Zipchat API base> <API key> <user path> <calls> <concurrency> <limit> <window ms>
using System.Globalization;
using System.Net.Sockets;
using ChatApis.Redis.TestHost;
using StackExchange.Redis;

var redisOptions = new ConfigurationOptions { AbortOnConnectFail = false, ConnectTimeout = 5000, AsyncTimeout = 5000, SyncTimeout = 5000 };
redisOptions.EndPoints.Add(new UnixDomainSocketEndPoint(args[1]));
await using var redis = await ConnectionMultiplexer.ConnectAsync(redisOptions);

return args[0] switch
{
    "refresh" => await RefreshReplica.RunAsync(redis, args[2], new Uri(args[3]), Number(4), args.Length > 5 ? args[5] : "al_sim_client", args.Length > 6 ? args[6] : "al_sim_client_secret"),
    "burst" => await BurstReplica.RunAsync(redis, args[2], new Uri(args[3]), args[4], args[5], Number(6), Number(7), Number(8), TimeSpan.FromMilliseconds(Number(9))),
    _ => throw new ArgumentException($"unknown mode '{args[0]}'"),
};

int Number(int index) => int.Parse(args[index], CultureInfo.InvariantCulture);
