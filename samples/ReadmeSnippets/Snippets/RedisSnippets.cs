using ChatApis.AssistLoop;
using ChatApis.Redis;
using ChatApis.Zipchat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>
/// README: several instances on one account through Redis. Compiled here; it needs a Redis server, so its behaviour
/// is run by tests/ChatApis.Redis.Tests (4 processes refreshing once, shared budgets with no 429) rather than here.
/// </summary>
internal static class RedisSnippets
{
    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        #region snippet:redis
        var redis = ConnectionMultiplexer.Connect(configuration["Redis"]!);
        services.AddSingleton<IConnectionMultiplexer>(redis);

        // One account key per connected account or integration, the same in every replica (never a credential).
        services.AddAssistLoopClient(options =>
        {
            configuration.GetSection("ChatApis:AssistLoop").Bind(options);
            options.UseRedis(redis, "assistloop-acct-42");    // tokens, one refresh at a time, the 60/min budget
        });
        services.AddZipchatClient(options =>
        {
            configuration.GetSection("ChatApis:Zipchat").Bind(options);
            options.UseRedis(redis, "zipchat-chat-1");        // the 120 per 60 s budget
        });
        #endregion
    }
}
