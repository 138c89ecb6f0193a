using ChatApis.Auth.OAuth;
using ChatApis.Redis.Tests.Support;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.Redis.Tests;

/// <summary>
/// The scale-out problem itself, with real processes: 4 replicas (separate OS processes, each its own Redis
/// connection and AssistLoop client) with 50 concurrent callers each hold one account's expired access token; the
/// AssistLoop simulator rotates the refresh token on every refresh. Exactly one refresh may happen.
/// </summary>
public sealed class MultiProcessRefreshTests(SharedRedis redis)
{
    [Fact]
    public async Task Four_processes_with_fifty_callers_each_refresh_an_expired_token_exactly_once()
    {
        await using var sim = new AssistLoopSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);

        // 200 calls at once: the documented 60 a minute would make this a test of the budget (ChatApis.Redis
        // shares that too: see SharedBudgetTests); this one is about the refresh.
        sim.UseRateLimit(1000, TimeSpan.FromMinutes(1));
        var issued = sim.IssueTokens(expiresIn: TimeSpan.FromMinutes(-1));
        var account = SharedRedis.NewAccount();
        await new RedisTokenStore(redis.Connection, account).SaveTokensAsync(
            new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt, issued.Scope) { TokenType = "Bearer" },
            TestContext.Current.CancellationToken);
        var zapier = new Uri(sim.BaseAddress, "api/v1/");

        var replicas = Enumerable.Range(0, 4).Select(_ => Replica.Start("refresh", redis.Server.SocketPath, account, zapier.AbsoluteUri, 50)).ToList();
        var results = await Task.WhenAll(replicas.Select(r => r.WaitAsync())).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        replicas.ForEach(r => r.Dispose());

        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"a replica failed: {r.Output} {r.Errors}"));
        Assert.All(results, r => Assert.Equal("ok=50 reauthorization=0 other=0", r.Output.Trim()));
        Assert.Equal(1, sim.RefreshCount);
        var stored = await new RedisTokenStore(redis.Connection, account).GetTokensAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.NotEqual(issued.RefreshToken, stored.RefreshToken);
        Assert.True(sim.IsRefreshTokenValid(stored.RefreshToken!), "the stored refresh token is the one the server issued last");
        Assert.False(sim.IsRefreshTokenValid(issued.RefreshToken));
    }
}
