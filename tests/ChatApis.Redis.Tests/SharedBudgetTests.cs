using System.Diagnostics;
using ChatApis.Auth;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Redis.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Redis.Tests;

/// <summary>
/// Bursts against the Zipchat simulator enforcing a short budget (30 requests per 3 s, so a test takes
/// seconds): the server must never answer 429. The throughput (requests per window ÷ the budget) is written to
/// the test output, not asserted: it is a measurement.
/// </summary>
public sealed class SharedBudgetTests(SharedRedis redis)
{
    private const int Limit = 30;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly ApiOperation GetUser = new(HttpMethod.Get, "chats/{chat_id}/users/{id}");

    [Theory]
    [InlineData(SimulatorWindowKind.Fixed)]
    [InlineData(SimulatorWindowKind.Sliding)]
    public async Task Three_instances_sharing_the_budget_in_Redis_draw_no_429(SimulatorWindowKind kind)
    {
        await using var sim = new ZipchatSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        sim.UseRateLimit(Limit, Window, kind);
        var account = SharedRedis.NewAccount();
        var connections = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => redis.Server.ConnectAsync()));
        var pipelines = connections.Select(c => Pipeline(sim, new RedisRateLimiter(c, account))).ToArray();
        try
        {
            // Each instance alone keeps to the whole budget; together they must keep to it too.
            var elapsed = await BurstAsync(pipelines, calls: 3 * Limit, concurrency: 4);

            Assert.Equal(0, sim.RateLimiter.Rejections);
            Report(3 * Limit, elapsed);
        }
        finally
        {
            foreach (var pipeline in pipelines)
            {
                pipeline.Dispose();
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static ChatApiPipeline Pipeline(ZipchatSimulator sim, ISharedRateLimiter? shared)
    {
        var profile = new VendorProfile
        {
            Name = "Zipchat",
            DefaultBaseAddress = new Uri(sim.BaseAddress, ZipchatSimulator.ApiPath),
            RateLimits = [new RateLimitBudget(RateLimitBudget.General, Limit, Window)],
        };
        var gate = new RateLimitGate(profile.RateLimits, TimeProvider.System, shared, null);
        return new ChatApiPipeline(ChatApiHttp.CreateHandler(new BearerTokenHandler(ZipchatSimulator.ApiKey)), profile, new ChatApiClientOptions(), gate);
    }

    // Every pipeline gets `calls` calls, `concurrency` at a time; returns how long the whole burst took.
    private static async Task<TimeSpan> BurstAsync(ChatApiPipeline[] pipelines, int calls, int concurrency)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(pipelines.Select(async pipeline =>
        {
            using var slots = new SemaphoreSlim(concurrency);
            await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
            {
                await slots.WaitAsync(TestContext.Current.CancellationToken);
                try
                {
                    await pipeline.SendAsync(GetUser, (call, ct) => Send(pipeline, call, ct), null, TestContext.Current.CancellationToken);
                }
                finally
                {
                    slots.Release();
                }
            }));
        })).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        return watch.Elapsed;
    }

    private static Task<HttpResponseMessage> Send(ChatApiPipeline pipeline, ApiCall call, CancellationToken cancellationToken)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, $"chats/{ZipchatSimulator.ChatId}/users/{ZipchatSimulator.OwnerUserId}");
        message.Options.Set(ApiCall.OptionKey, call);
        return pipeline.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static void Report(int totalCalls, TimeSpan elapsed, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        // The first window opens at once, so N windows of calls need at least N - 1 window lengths.
        var windowsUsed = Math.Ceiling((double)totalCalls / Limit);
        var minimum = Window * (windowsUsed - 1);
        var line = $"{test} ({TestContext.Current.TestCase?.TestCaseDisplayName}): {totalCalls} calls in {elapsed.TotalSeconds:F2} s, minimum {minimum.TotalSeconds:F2} s for {Limit} per {Window.TotalSeconds:F0} s, 0 429s";
        TestContext.Current.SendDiagnosticMessage(line);
        lock (ReportLock)
        {
            File.AppendAllLines(Path.Combine(AppContext.BaseDirectory, "redis-budget.txt"), [line]);
        }
    }

    private static readonly Lock ReportLock = new();
}
