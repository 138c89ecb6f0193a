using System.Diagnostics;
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

        var replicas = Enumerable.Range(0, 4).Select(_ => StartReplica(redis.Server.SocketPath, account, zapier, callers: 50)).ToList();
        var results = await Task.WhenAll(replicas.Select(r => r.WaitAsync())).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"a replica failed: {r.Output} {r.Errors}"));
        Assert.All(results, r => Assert.Equal("ok=50 reauthorization=0 other=0", r.Output.Trim()));
        Assert.Equal(1, sim.RefreshCount);
        var stored = await new RedisTokenStore(redis.Connection, account).GetTokensAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.NotEqual(issued.RefreshToken, stored.RefreshToken);
        Assert.True(sim.IsRefreshTokenValid(stored.RefreshToken!), "the stored refresh token is the one the server issued last");
        Assert.False(sim.IsRefreshTokenValid(issued.RefreshToken));
    }

    private static Replica StartReplica(string socket, string account, Uri baseAddress, int callers)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "ChatApis.Redis.TestHost.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, socket, account, baseAddress.AbsoluteUri, callers.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new Replica(Process.Start(start)!);
    }

    private sealed class Replica(Process process)
    {
        public async Task<(int ExitCode, string Output, string Errors)> WaitAsync()
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await output, await errors);
        }
    }
}
