using ChatApis.AssistLoop;
using ChatApis.RateLimiting;
using ChatApis.Redis.Tests.Support;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApis.Redis.Tests;

/// <summary><c>services.AddXxxClient(...).UseRedis(accountKey)</c>: one line on the registration.</summary>
public sealed class RegistrationTests(SharedRedis redis)
{
    [Fact]
    public async Task A_registered_Zipchat_client_draws_its_permits_from_the_account_budget_in_Redis()
    {
        await using var sim = new ZipchatSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var account = SharedRedis.NewAccount();
        var services = new ServiceCollection();
        services.AddSingleton<IConnectionMultiplexer>(redis.Connection);
        services.AddZipchatClient(o =>
        {
            o.BaseAddress = new Uri(sim.BaseAddress, ZipchatSimulator.ApiPath);
            o.ApiKey = ZipchatSimulator.ApiKey;
            o.ChatId = ZipchatSimulator.ChatId;
        }).UseRedis(account);
        await using var provider = services.BuildServiceProvider();

        var user = await provider.GetRequiredService<ZipchatClient>().GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ZipchatSimulator.OwnerUserId, user.Value.Id);
        var permits = await redis.Connection.GetDatabase().SortedSetRangeByRankWithScoresAsync($"chatapis:{{{account}}}:rate:general");
        Assert.Single(permits);
    }

    [Fact]
    public async Task A_registered_AssistLoop_client_keeps_its_tokens_in_Redis_and_shares_its_budgets()
    {
        var account = SharedRedis.NewAccount();
        var services = new ServiceCollection();
        var builder = services.AddAssistLoopClient("acme", o =>
        {
            o.ClientId = "client";
            o.ClientSecret = "secret";
        }).UseRedis(redis.Connection, account);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<AssistLoopClientOptions>>().Get("acme");
        Assert.IsType<RedisTokenStore>(options.TokenStore);

        // The client's gate takes its permits from the account's budget in Redis.
        using (await provider.GetRequiredKeyedService<RateLimitGate>(builder.Name).WaitAsync(null, TestContext.Current.CancellationToken))
        {
            var permits = await redis.Connection.GetDatabase().SortedSetLengthAsync($"chatapis:{{{account}}}:rate:general");
            Assert.Equal(1, permits);
        }
    }

    public static TheoryData<string> BadAccountKeys => ["", "has space", "line\r\nbreak", "tab\tkey", "{slot}", new string('a', 201), new string('a', 100_000)];

    [Theory]
    [MemberData(nameof(BadAccountKeys))]
    public void An_account_key_that_cannot_be_part_of_a_Redis_key_fails_at_registration_on_either_overload(string accountKey)
    {
        var services = new ServiceCollection();
        var builder = services.AddZipchatClient(o => o.ApiKey = "zc-x");

        Assert.Equal("accountKey", Assert.ThrowsAny<ArgumentException>(() => builder.UseRedis(accountKey)).ParamName);
        Assert.Equal("accountKey", Assert.ThrowsAny<ArgumentException>(() => builder.UseRedis(redis.Connection, accountKey)).ParamName);
        Assert.Equal("accountKey", Assert.ThrowsAny<ArgumentException>(() => builder.UseRedis(null!)).ParamName);
    }

    [Fact]
    public void A_bad_account_key_or_a_builder_that_is_not_a_ChatApis_client_fails_at_registration()
    {
        var services = new ServiceCollection();
        var builder = services.AddZipchatClient(o => o.ApiKey = "zc-x");
        var error = Assert.Throws<ArgumentException>(() => builder.UseRedis("has space"));
        Assert.Equal("accountKey", error.ParamName);

        var other = services.AddHttpClient("mine");
        var wrong = Assert.Throws<InvalidOperationException>(() => other.UseRedis(redis.Connection, "acct"));
        Assert.Contains("'mine' is not a ChatApis client", wrong.Message, StringComparison.Ordinal);
    }
}
