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
/// The baseline of <see cref="SharedBudgetTests"/>: one process, its in-process gate alone (no Redis), 16 calls at a
/// time against the Zipchat simulator enforcing 30 per 3 s on a fixed window (which starts at the server's first
/// arrival, unknown to the client) or a sliding one. Real time on purpose: what decides a 429 is when requests
/// ARRIVE, after real network delays, which a manual clock cannot show. No 429 may be drawn; how close the burst came
/// to the budget is reported.
/// </summary>
public sealed class OneProcessBudgetTests
{
    private const int Limit = 30;
    private const int Calls = 120;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);
    private static readonly ApiOperation GetUser = new(HttpMethod.Get, "chats/{chat_id}/users/{id}");

    [Theory]
    [InlineData(SimulatorWindowKind.Fixed)]
    [InlineData(SimulatorWindowKind.Sliding)]
    public async Task One_process_keeps_to_the_budget_with_no_429(SimulatorWindowKind kind)
    {
        await using var sim = new ZipchatSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        sim.UseRateLimit(Limit, Window, kind);
        var profile = new VendorProfile
        {
            Name = "Zipchat",
            DefaultBaseAddress = new Uri(sim.BaseAddress, ZipchatSimulator.ApiPath),
            RateLimits = [new RateLimitBudget(RateLimitBudget.General, Limit, Window)],
        };
        using var pipeline = new ChatApiPipeline(ChatApiHttp.CreateHandler(new BearerTokenHandler(ZipchatSimulator.ApiKey)), profile, new ChatApiClientOptions());

        // As each replica of SharedBudgetTests does: the first-call costs (JIT on both sides) are not the budget's
        // efficiency. A key the server refuses (401, before it counts a request) warms the paths without touching it.
        using (var warmUp = new ChatApiPipeline(ChatApiHttp.CreateHandler(new BearerTokenHandler("zc-warm-up")), profile, new ChatApiClientOptions { EnableRateLimiting = false }))
        {
            await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => SendAsync(warmUp));
        }

        var watch = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(16);
        var attempts = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async _ =>
        {
            await slots.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return (await SendAsync(pipeline)).Attempts;
            }
            finally
            {
                slots.Release();
            }
        })).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        var elapsed = watch.Elapsed;

        Assert.Equal(0, sim.RateLimiter.Rejections);
        Assert.All(attempts, a => Assert.Equal(1, a));
        Assert.Equal(Calls + 1, sim.Journal.Count); // and the warm-up
        BudgetReport.Write($"1 process, in-process gate, {kind} window", Calls, Limit, Window, elapsed, sim.RateLimiter.Rejections);
    }

    private static Task<ApiResponse> SendAsync(ChatApiPipeline pipeline) =>
        pipeline.SendAsync(GetUser, (call, ct) =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, $"chats/{ZipchatSimulator.ChatId}/users/{ZipchatSimulator.OwnerUserId}");
            message.Options.Set(ApiCall.OptionKey, call);
            return pipeline.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        }, null, TestContext.Current.CancellationToken);
}
