using System.Globalization;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Payloads;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Runners;

/// <summary>
/// <c>--quick</c>: an in-process, hand-rolled comparison that finishes in well under a minute. It measures
/// the primary vendor's list call (100 items) on loopback for every client, the SDK's overhead without
/// network, and ends with exactly one RATIO line (each client's median ÷ the baseline's, list call on loopback).
/// </summary>
public static class QuickRunner
{
    // Many short rounds: on a shared 2-core machine the median of many small batches is far steadier
    // than a few long ones. About 10 s in all when the machine is idle.
    private const int Warmup = 200;
    private const int Rounds = 121;
    private const int Batch = 10;

    /// <summary>Runs the quick mode.</summary>
    public static async Task<int> RunAsync()
    {
        var vendor = Catalog.Primary;
        using var server = await ServerProcess.StartAsync();
        Console.WriteLine($"quick mode: {vendor.Name} list ({VendorScenario.PageSize} items) on loopback {server.Address}; {Rounds} interleaved rounds of {Batch} calls after {Warmup} warm-up calls each");

        var loopbackKinds = new[] { ClientKind.Baseline, ClientKind.Sdk, ClientKind.RestEase, ClientKind.Flurl, ClientKind.BaselineSdkModels }
            .Where(vendor.Supports).ToArray();
        var loopback = loopbackKinds.Select(kind => (Kind: kind, Client: vendor.Create(kind, server.Address, null))).ToList();
        try
        {
            var list = await Interleaved.MeasureAsync([.. loopback.Select(c => (Label(c.Kind), (Func<Task>)(() => c.Client.ListAsync())))], Warmup, Rounds, Batch);
            Print("loopback, list", list);

            // No network: the same calls over the stub transport, so what is left is each client's own work.
            var router = Catalog.BuildRouter();
            var stubKinds = new[] { ClientKind.Baseline, ClientKind.Sdk }.Where(vendor.Supports).ToArray();
            var stubbed = stubKinds.Select(kind => (Kind: kind, Client: vendor.Create(kind, server.Address, new StubTransport(router)))).ToList();
            try
            {
                foreach (var (call, name) in new[] { (VendorCalls.List, "list"), (VendorCalls.Simple, "simple"), (VendorCalls.Post, "post") })
                {
                    if (!vendor.Calls.HasFlag(call))
                    {
                        continue;
                    }

                    var results = await Interleaved.MeasureAsync([.. stubbed.Select(c => (Label(c.Kind), Invoke(c.Client, call)))], Warmup, Rounds, Batch * 5);
                    Print($"no network, {name}", results);
                    if (results.TryGetValue("sdk", out var sdk))
                    {
                        var baseline = results["baseline"];
                        Console.WriteLine(Invariant($"  sdk overhead ({name}): {(sdk.Nanoseconds - baseline.Nanoseconds) / 1000:F2} us, {sdk.Bytes - baseline.Bytes:F0} B per call"));
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
            Console.WriteLine($"RATIO {Ratio("sdk", "sdk")} {Ratio("restease", "restease")} {Ratio("flurl", "flurl")}");
            return 0;
        }
        finally
        {
            loopback.ForEach(c => c.Client.Dispose());
        }
    }

    /// <summary>The short name of a client in reports.</summary>
    public static string Label(ClientKind kind) => kind switch
    {
        ClientKind.Baseline => "baseline",
        ClientKind.Sdk => "sdk",
        ClientKind.RestEase => "restease",
        ClientKind.Flurl => "flurl",
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
