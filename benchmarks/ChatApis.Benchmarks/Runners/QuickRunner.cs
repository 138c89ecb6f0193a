using System.Diagnostics;
using System.Globalization;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Payloads;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Runners;

/// <summary>
/// <c>--quick</c>: an in-process, hand-rolled comparison that finishes in well under a minute. It measures
/// the primary vendor's list call (100 items) on loopback for every client (the idiomatic baseline, the SDK, raw
/// Refit, the best raw code, RestEase, Flurl), the SDK's overhead without network over the baseline and over raw
/// Refit, and ends with exactly one RATIO line (each client's median ÷ the idiomatic baseline's, list call on loopback).
/// </summary>
public static class QuickRunner
{
    // Many short rounds: on a shared 2-core machine the median of many small batches is far steadier
    // than a few long ones. The loopback part runs as several trials, each over fresh clients and so fresh
    // connections: on this kind of machine one loopback connection can land in a markedly faster or slower
    // mode than another for its whole life, and pooling the trials keeps one lucky or unlucky connection
    // from deciding a client's figure. About 20 s in all when the machine is idle.
    private const int Warmup = 200;
    private const int Trials = 5;
    private const int Rounds = 41;
    private const int Batch = 10;
    private const int StubRounds = 41;
    private const double WarmUpSeconds = 10;

    /// <summary>Runs the quick mode.</summary>
    public static async Task<int> RunAsync()
    {
        var vendor = Catalog.Primary;
        using var server = await ServerProcess.StartAsync();
        Console.WriteLine($"quick mode: {vendor.Name} list ({VendorScenario.PageSize} items) on loopback {server.Address}; {Trials} trials of {Rounds} interleaved rounds of {Batch} calls, after {Warmup} warm-up calls each");

        var loopbackKinds = new[] { ClientKind.Baseline, ClientKind.Sdk, ClientKind.Refit, ClientKind.Best, ClientKind.RestEase, ClientKind.Flurl, ClientKind.BaselineSdkModels }
            .Where(vendor.Supports).ToArray();
        await WarmUpAsync(vendor, server.Address, loopbackKinds);
        var list = await LoopbackAsync(vendor, server.Address, loopbackKinds, VendorCalls.List, showTrials: true);
        Print($"loopback, list ({Trials} trials on fresh connections, samples pooled)", list);

        // The small calls on loopback, SDK against the baseline, raw Refit and the best raw code (the RATIO line is about the list call).
        foreach (var (call, name) in new[] { (VendorCalls.Simple, "simple"), (VendorCalls.Post, "post") })
        {
            if (vendor.Calls.HasFlag(call))
            {
                Print($"loopback, {name}", await LoopbackAsync(vendor, server.Address, [.. new[] { ClientKind.Baseline, ClientKind.Sdk, ClientKind.Refit, ClientKind.Best }.Where(vendor.Supports)], call, showTrials: false));
            }
        }

        // No network: the same calls over the stub transport, so what is left is each client's own work. Raw Refit
        // makes the same call through the same wire layer as the SDK, so the SDK's cost over it is Core's own.
        var router = Catalog.BuildRouter();
        var stubKinds = new[] { ClientKind.Baseline, ClientKind.Sdk, ClientKind.Refit, ClientKind.Best }.Where(vendor.Supports).ToArray();
        var stubbed = stubKinds.Select(kind => (Kind: kind, Client: vendor.Create(kind, server.Address, new StubTransport(router)))).ToList();
        try
        {
            foreach (var (call, name) in new[] { (VendorCalls.List, "list"), (VendorCalls.Simple, "simple"), (VendorCalls.Post, "post") })
            {
                if (!vendor.Calls.HasFlag(call))
                {
                    continue;
                }

                var results = await Interleaved.MeasureAsync([.. stubbed.Select(c => (Label(c.Kind), Invoke(c.Client, call)))], Warmup, StubRounds, Batch * 10);
                Print($"no network, {name}", results);
                if (results.TryGetValue("sdk", out var sdk))
                {
                    var baseline = results["baseline"];
                    Console.WriteLine(Invariant($"  sdk overhead ({name}): {(sdk.Nanoseconds - baseline.Nanoseconds) / 1000:F2} us, {sdk.Bytes - baseline.Bytes:F0} B per call"));
                    if (results.TryGetValue("refit", out var refit))
                    {
                        Console.WriteLine(Invariant($"  sdk overhead over raw refit ({name}): {(sdk.Nanoseconds - refit.Nanoseconds) / 1000:F2} us, {sdk.Bytes - refit.Bytes:F0} B per call (target <= 1 us, <= 1024 B)"));
                    }
                }
            }
        }
        finally
        {
            stubbed.ForEach(c => c.Client.Dispose());
        }

        // Last, and exactly once.
        var b = list["baseline"];
        string Ratio(string name, string key) => list.TryGetValue(key, out var s)
            ? Invariant($"{name}_time={s.Nanoseconds / b.Nanoseconds:F2} {name}_alloc={s.Bytes / b.Bytes:F2}")
            : $"{name}_time=n/a {name}_alloc=n/a";
        if (list.TryGetValue("sdk", out var sdkList) && list.TryGetValue("best", out var best))
        {
            Console.WriteLine(Invariant($"sdk vs best raw code (loopback list): x{sdkList.Nanoseconds / best.Nanoseconds:F2} time, x{sdkList.Bytes / best.Bytes:F2} alloc (targets <= 1.05, <= 1.5)"));
        }

        Console.WriteLine($"RATIO {Ratio("sdk", "sdk")} {Ratio("restease", "restease")} {Ratio("flurl", "flurl")} {Ratio("refit", "refit")} {Ratio("best", "best")}");
        return 0;
    }

    // Trials over fresh clients (so fresh connections), samples pooled per client: one connection's luck
    // cannot decide a figure.
    private static async Task<Dictionary<string, Sample>> LoopbackAsync(VendorScenario vendor, Uri address, ClientKind[] kinds, VendorCalls call, bool showTrials)
    {
        var pooled = kinds.ToDictionary(Label, _ => new List<Sample>());
        for (var trial = 0; trial < Trials; trial++)
        {
            var clients = kinds.Select(kind => (Kind: kind, Client: vendor.Create(kind, address, null))).ToList();
            try
            {
                var samples = await Interleaved.SampleAsync([.. clients.Select(c => (Label(c.Kind), Invoke(c.Client, call)))], Warmup, Rounds, Batch);
                foreach (var (name, taken) in samples)
                {
                    pooled[name].AddRange(taken);
                }

                if (showTrials)
                {
                    Console.WriteLine(Invariant($"  trial {trial + 1}: ") + string.Join("  ", samples.Select(p => Invariant($"{p.Key} {Sample.Median(p.Value).Nanoseconds / 1000:F0} us"))));
                }
            }
            finally
            {
                clients.ForEach(c => c.Client.Dispose());
            }
        }

        return pooled.ToDictionary(p => p.Key, p => Sample.Median(p.Value));
    }

    // Both processes run every client until the whole HTTP and JSON stack has reached its optimized code
    // (tiered JIT waits for a quiet moment before promoting, and the server's code warms up too); before
    // that, loopback calls take several times longer and the figures say more about warm-up than about clients.
    private static async Task WarmUpAsync(VendorScenario vendor, Uri address, ClientKind[] kinds)
    {
        var clients = kinds.Select(kind => vendor.Create(kind, address, null)).ToList();
        try
        {
            var until = Stopwatch.GetTimestamp() + (long)(WarmUpSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < until)
            {
                foreach (var client in clients)
                {
                    for (var i = 0; i < Batch; i++)
                    {
                        await client.ListAsync();
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>The short name of a client in reports.</summary>
    public static string Label(ClientKind kind) => kind switch
    {
        ClientKind.Baseline => "baseline",
        ClientKind.Sdk => "sdk",
        ClientKind.RestEase => "restease",
        ClientKind.Flurl => "flurl",
        ClientKind.Refit => "refit",
        ClientKind.Best => "best",
        ClientKind.BaselineSdkModels => "baseline+sdk-models",
        _ => kind.ToString(),
    };

    private static Func<Task> Invoke(IVendorClient client, VendorCalls call) => call switch
    {
        VendorCalls.List => () => client.ListAsync(),
        VendorCalls.Simple => () => client.SimpleAsync(),
        VendorCalls.Post => () => client.PostAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, null),
    };

    private static void Print(string title, Dictionary<string, Sample> results)
    {
        var baseline = results["baseline"];
        Console.WriteLine($"{title}:");
        foreach (var (name, s) in results)
        {
            Console.WriteLine(Invariant($"  {name,-20} {s.Nanoseconds / 1000,10:F2} us {s.Bytes,12:F0} B   x{s.Nanoseconds / baseline.Nanoseconds:F2} time  x{s.Bytes / baseline.Bytes:F2} alloc"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
