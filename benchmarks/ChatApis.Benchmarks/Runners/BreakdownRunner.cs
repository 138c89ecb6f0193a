using System.Globalization;
using System.Text.Json;
using ChatApis.Auth;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Payloads;
using ChatApis.Benchmarks.Vendors;
using ChatApis.Benchmarks.Vendors.Vertext;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.Vertext;
using Polly;
using Polly.Retry;
using Refit;

namespace ChatApis.Benchmarks.Runners;

/// <summary>
/// <c>--breakdown</c>: where the SDK's cost over the baseline goes, one ingredient at a time, for the
/// Vertext list call (100 items) and the simple call (1 item), without network and on loopback.
/// Each step adds one thing the SDK does to the raw-HttpClient baseline; the last rows are Core's
/// pipeline and the SDK client themselves.
/// </summary>
public static class BreakdownRunner
{
    private const int Warmup = 200;
    private const int Rounds = 31;

    // The settings every vendor's Refit contract uses (the list call sends no body, so the JSON context is not used for it).
    private static readonly RefitSettings RefitSettings = ChatApiRefit.CreateSettings(BenchJsonContext.Default);

    /// <summary>Runs the breakdown.</summary>
    public static async Task<int> RunAsync()
    {
        using var server = await ServerProcess.StartAsync();
        var router = Catalog.BuildRouter();
        foreach (var (perPage, network) in new[] { (1, false), (VendorScenario.PageSize, false), (VendorScenario.PageSize, true) })
        {
            var steps = Steps(server.Address, network ? null : router, perPage);
            try
            {
                var results = await Interleaved.MeasureAsync([.. steps.Select(s => (s.Name, s.Call))], Warmup, Rounds, network ? 25 : 200);
                var first = results[steps[0].Name];
                Console.WriteLine($"{(network ? "loopback" : "no network")}, Vertext list of {perPage}:");
                foreach (var step in steps)
                {
                    var r = results[step.Name];
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {step.Name,-52} {r.Nanoseconds / 1000,9:F2} us {r.Bytes,8:F0} B   +{(r.Nanoseconds - first.Nanoseconds) / 1000,8:F2} us +{r.Bytes - first.Bytes,6:F0} B"));
                }
            }
            finally
            {
                steps.ForEach(s => s.Owned.Dispose());
            }
        }

        await HandlerSettingsAsync(server.Address);
        await PollyAloneAsync();
        return 0;
    }

    private static List<(string Name, Func<Task> Call, IDisposable Owned)> Steps(Uri root, PayloadRouter? router, int perPage)
    {
        var baseAddress = new Uri(root, "/vertext/");
        HttpMessageHandler Transport(bool sdkHandler) => router is not null ? new StubTransport(router)
            : sdkHandler ? ChatApiHttp.CreatePrimaryHandler() : new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AllowAutoRedirect = false, UseCookies = false };
        HttpClient Raw(bool sdkHandler)
        {
            var http = new HttpClient(Transport(sdkHandler)) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Authorization = new("Bearer", VendorScenario.Token);
            return http;
        }

        var path = $"chatbots/list?page=0&per_page={perPage}";
        var dto = Raw(false);
        var models = Raw(false);
        var timeout = Raw(false);
        var primary = Raw(true);
        var buffered = Raw(false);
        var pipelines = new[] { 3, 0 }.Select(retries =>
        {
            // A bare handler chain, as a standalone client builds it.
            var http = new BearerTokenHandler(VendorScenario.Token) { InnerHandler = Transport(true) };
            var profile = new VendorProfile { Name = "Vertext", DefaultBaseAddress = new Uri("https://api.vertextlabs.com/") };
            var pipeline = new ChatApiPipeline(http, profile, new ChatApiClientOptions { BaseAddress = baseAddress, MaxRetries = retries });
            return (Http: http, Pipeline: pipeline, Api: ChatApiRefit.For<IVertextPipelineApi>(pipeline, RefitSettings));
        }).ToArray();
        var sdk = new VertextScenario().Create(ClientKind.Sdk, root, router is null ? null : new StubTransport(router));

        return
        [
            ("1 baseline: HttpClient + STJ source-gen DTOs", () => RawAsync(dto, path, sdkModels: false, withTimeout: false), dto),
            ("2 = 1 with the SDK's models (source-generated)", () => RawAsync(models, path, sdkModels: true, withTimeout: false), models),
            ("3 = 2 + a 30 s timeout token per call", () => RawAsync(timeout, path, sdkModels: true, withTimeout: true), timeout),
            ("4 = 2 over ChatApiHttp's primary handler", () => RawAsync(primary, path, sdkModels: true, withTimeout: false), primary),
            ("5 = 2 read whole into a pooled buffer, parsed in one pass", () => BufferedAsync(buffered, path), buffered),
            ("6 ChatApiPipeline + Refit, MaxRetries=3 (default)", () => PipelineAsync(pipelines[0].Pipeline, pipelines[0].Api, perPage), pipelines[0].Http),
            ("7 ChatApiPipeline + Refit, MaxRetries=0 (timeouts only)", () => PipelineAsync(pipelines[1].Pipeline, pipelines[1].Api, perPage), pipelines[1].Http),
            ("8 VertextClient.GetChatbotsPageAsync", perPage == 1 ? (Func<Task>)(() => sdk.SimpleAsync()) : () => sdk.ListAsync(), sdk),
        ];
    }

    private static async Task RawAsync(HttpClient http, string path, bool sdkModels, bool withTimeout)
    {
        using var cts = withTimeout ? new CancellationTokenSource(TimeSpan.FromSeconds(30)) : null;
        var token = cts?.Token ?? default;
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, token);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(token);
        _ = sdkModels
            ? (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.IReadOnlyListVertextChatbot, token))!.Count
            : (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.ListVertextChatbotDto, token))!.Count;
    }

    // What the pipeline does with a body of declared length: one pooled buffer, a few large reads, a synchronous parse.
    private static async Task BufferedAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var length = (int)response.Content.Headers.ContentLength!.Value;
        await using var stream = await response.Content.ReadAsStreamAsync();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var filled = 0;
            int read;
            while (filled < length && (read = await stream.ReadAsync(buffer.AsMemory(filled, length - filled))) > 0)
            {
                filled += read;
            }

            _ = JsonSerializer.Deserialize(buffer.AsSpan(0, filled), BenchJsonContext.Default.IReadOnlyListVertextChatbot)!.Count;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Core's public pipeline API, as a vendor client calls it: the operation, a Refit call per attempt, the JSON contract.
    private static async Task PipelineAsync(ChatApiPipeline pipeline, IVertextPipelineApi api, int perPage) =>
        _ = (await pipeline.SendAsync(
            IVertextPipelineApi.ListChatbotsOperation,
            (call, ct) => api.ListChatbots(0, perPage, call, ct),
            BenchJsonContext.Default.IReadOnlyListVertextChatbot,
            options: null,
            CancellationToken.None)).Value.Count;

    // The same raw call over SocketsHttpHandlers that differ in one setting each from the baseline's: which of
    // the primary handler's settings costs time on loopback.
    private static async Task HandlerSettingsAsync(Uri root)
    {
        var baseAddress = new Uri(root, "/vertext/");
        var variants = new (string Name, Action<SocketsHttpHandler> Configure)[]
        {
            ("baseline SocketsHttpHandler", _ => { }),
            ("+ AutomaticDecompression = All", h => h.AutomaticDecompression = System.Net.DecompressionMethods.All),
            ("+ AutomaticDecompression = GZip", h => h.AutomaticDecompression = System.Net.DecompressionMethods.GZip),
            ("+ PooledConnectionLifetime 5 min, idle 1 min", h => { h.PooledConnectionLifetime = TimeSpan.FromMinutes(5); h.PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1); }),
            ("+ ConnectTimeout 15 s", h => h.ConnectTimeout = TimeSpan.FromSeconds(15)),
            ("ChatApiHttp.CreatePrimaryHandler()", null!),
        };
        var clients = variants.Select(v =>
        {
            SocketsHttpHandler handler;
            if (v.Configure is null)
            {
                handler = ChatApiHttp.CreatePrimaryHandler();
            }
            else
            {
                handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, AllowAutoRedirect = false, UseCookies = false };
                v.Configure(handler);
            }

            var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Authorization = new("Bearer", VendorScenario.Token);
            return (v.Name, Http: http);
        }).ToList();
        try
        {
            var path = $"chatbots/list?page=0&per_page={VendorScenario.PageSize}";
            var results = await Interleaved.MeasureAsync([.. clients.Select(c => (c.Name, (Func<Task>)(() => RawAsync(c.Http, path, sdkModels: false, withTimeout: false))))], Warmup, Rounds, 25);
            var first = results[clients[0].Name];
            Console.WriteLine("loopback, Vertext list of 100, raw call over handler settings:");
            foreach (var (name, _) in clients)
            {
                var r = results[name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-52} {r.Nanoseconds / 1000,9:F2} us {r.Bytes,8:F0} B   +{(r.Nanoseconds - first.Nanoseconds) / 1000,8:F2} us +{r.Bytes - first.Bytes,6:F0} B"));
            }
        }
        finally
        {
            clients.ForEach(c => c.Http.Dispose());
        }
    }

    // The resilience pipeline as Core builds it (total timeout, retry, attempt timeout) around a call that
    // does nothing, next to Refit building the request (over a handler that answers at once): the fixed cost
    // before any HTTP.
    private static async Task PollyAloneAsync()
    {
        using var noOp = new HttpClient(new AnswerAtOnce()) { BaseAddress = new Uri("http://127.0.0.1:1/vertext/") };
        var refit = RestService.For<IVertextPipelineApi>(noOp, RefitSettings);
        var full = new ResiliencePipelineBuilder()
            .AddTimeout(TimeSpan.FromSeconds(120))
            .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is not null) })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
        var oneTimeout = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(30)).Build();
        var baseAddress = new Uri("http://127.0.0.1:1/vertext/");
        var results = await Interleaved.MeasureAsync(
            [
                ("Polly: timeout + retry + timeout, no-op callback", () => Run(full)),
                ("Polly: one timeout, no-op callback", () => Run(oneTimeout)),
                ("Refit: request built from the interface, no-op send", async () =>
                {
                    using var response = await refit.ListChatbots(0, 100, null!, CancellationToken.None);
                }),
                ("baseline's relative string URI resolution", () =>
                {
                    _ = new Uri(baseAddress, "chatbots/list?page=0&per_page=100");
                    return Task.CompletedTask;
                }),
            ],
            Warmup,
            Rounds,
            1000);
        Console.WriteLine("fixed costs in isolation:");
        foreach (var (name, r) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-52} {r.Nanoseconds / 1000,9:F2} us {r.Bytes,8:F0} B"));
        }

        static async Task Run(ResiliencePipeline pipeline)
        {
            var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
            try
            {
                await pipeline.ExecuteAsync(static _ => ValueTask.FromResult(1), context);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }

    // A handler that answers every request at once with an empty 200: what is measured is the request's building.
    private sealed class AnswerAtOnce : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { RequestMessage = request });
    }
}
