using ChatApis.Auth;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Zipchat;
using StackExchange.Redis;

namespace ChatApis.Redis.TestHost;

/// <summary>
/// A burst of Zipchat calls (GET chats/{chat_id}/users/{id}, the path given filled in) on one integration whose budget (a short one, so a test takes seconds) is shared
/// through Redis. Prints "ready" once connected, starts when a line arrives on standard input (so every replica
/// starts together), then prints "ok=<n> failed=<n> attempts=<n>" and "elapsed_ms=<n>" (from the start signal to its last
/// response, so process exit is not counted) and exits 0 when every call succeeded.
/// </summary>
internal static class BurstReplica
{
    private static readonly ApiOperation GetUser = new(HttpMethod.Get, "chats/{chat_id}/users/{id}");

    public static async Task<int> RunAsync(IConnectionMultiplexer redis, string account, Uri apiBase, string apiKey, string path, int calls, int concurrency, int limit, TimeSpan window)
    {
        // Zipchat's own profile with the test's short window in place of the documented 120 per 60 s.
        var documented = ZipchatVendor.Instance.Profile;
        var profile = new VendorProfile
        {
            Name = documented.Name,
            DefaultBaseAddress = apiBase,
            RateLimits = [new RateLimitBudget(RateLimitBudget.General, limit, window)],
        };
        using var gate = new RateLimitGate(profile.RateLimits, TimeProvider.System, new RedisRateLimiter(redis, account), null);
        using var pipeline = new ChatApiPipeline(ChatApiHttp.CreateHandler(new BearerTokenHandler(apiKey)), profile, new ChatApiClientOptions(), gate);

        // A replica in production runs for days: its first-call costs (JIT, the first connection) are not what the
        // budget's efficiency is about. One call with a key the server refuses (401, before it counts a request)
        // warms the code paths without touching the budget.
        using (var warmUp = new ChatApiPipeline(ChatApiHttp.CreateHandler(new BearerTokenHandler("zc-warm-up")), profile, new ChatApiClientOptions { EnableRateLimiting = false }))
        {
            try
            {
                await SendAsync(warmUp, path);
            }
            catch (ChatApiAuthenticationException)
            {
            }
        }

        // Every replica starts at once: a process's start-up (a second or more) is not the budget's time.
        Console.WriteLine("ready");
        await Console.In.ReadLineAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        int ok = 0, failed = 0, attempts = 0;
        using var slots = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, calls).Select(async _ =>
        {
            await slots.WaitAsync();
            try
            {
                var response = await SendAsync(pipeline, path);
                Interlocked.Add(ref attempts, response.Attempts);
                Interlocked.Increment(ref ok);
            }
            catch (ChatApiException ex)
            {
                Interlocked.Increment(ref failed);
                Console.Error.WriteLine(ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                slots.Release();
            }
        }));

        var elapsed = watch.Elapsed;
        Console.WriteLine($"ok={ok} failed={failed} attempts={attempts}");
        Console.WriteLine(FormattableString.Invariant($"elapsed_ms={elapsed.TotalMilliseconds:F0}"));
        return failed == 0 ? 0 : 1;
    }

    private static Task<ApiResponse> SendAsync(ChatApiPipeline pipeline, string path) =>
        pipeline.SendAsync(GetUser, (call, ct) =>
        {
            var message = new HttpRequestMessage(HttpMethod.Get, path);
            message.Options.Set(ApiCall.OptionKey, call);
            return pipeline.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        }, null, CancellationToken.None);
}
