using ChatApis.Redis.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Redis.Tests;

/// <summary>
/// Three replicas (separate OS processes) burst calls on one Zipchat integration whose budget they share in Redis,
/// against the Zipchat simulator enforcing a short budget (30 per 3 s, so a test takes seconds) on a fixed or a
/// sliding window: the server must never answer 429. How close the burst came to the budget is reported.
/// </summary>
public sealed class SharedBudgetTests(SharedRedis redis)
{
    private const int Limit = 30;
    private const int Replicas = 3;
    private const int CallsEach = 40;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(SimulatorWindowKind.Fixed)]
    [InlineData(SimulatorWindowKind.Sliding)]
    public async Task Three_processes_sharing_the_budget_in_Redis_draw_no_429(SimulatorWindowKind kind)
    {
        await using var sim = new ZipchatSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        sim.UseRateLimit(Limit, Window, kind);
        var account = SharedRedis.NewAccount();
        var apiBase = new Uri(sim.BaseAddress, ZipchatSimulator.ApiPath);
        var path = $"chats/{ZipchatSimulator.ChatId}/users/{ZipchatSimulator.OwnerUserId}";

        var replicas = Enumerable.Range(0, Replicas)
            .Select(_ => Replica.Start("burst", redis.Server.SocketPath, account, apiBase.AbsoluteUri, ZipchatSimulator.ApiKey, path, CallsEach, 4, Limit, (int)Window.TotalMilliseconds))
            .ToList();
        try
        {
            await Task.WhenAll(replicas.Select(r => r.WaitForLineAsync("ready")));
            await Task.WhenAll(replicas.Select(r => r.SendLineAsync("go")));
            var results = await Task.WhenAll(replicas.Select(r => r.WaitAsync())).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);

            Assert.All(results, r => Assert.True(r.ExitCode == 0, $"a replica failed: {r.Output} {r.Errors}"));
            var outputs = results.Select(r => r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            Assert.All(outputs, lines => Assert.Equal($"ok={CallsEach} failed=0 attempts={CallsEach}", lines[0]));

            // From the start signal to the last response of the slowest replica (each measures its own).
            var elapsed = TimeSpan.FromMilliseconds(outputs.Max(lines => double.Parse(lines[1]["elapsed_ms=".Length..], System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(0, sim.RateLimiter.Rejections);
            Assert.Equal(Replicas * (CallsEach + 1), sim.Journal.Count); // each replica's calls and its warm-up (a refused key)
            BudgetReport.Write($"{Replicas} processes sharing one budget in Redis, {kind} window", Replicas * CallsEach, Limit, Window, elapsed, sim.RateLimiter.Rejections);
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
        }
    }
}
