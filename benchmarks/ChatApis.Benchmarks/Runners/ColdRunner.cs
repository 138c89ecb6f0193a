using System.Diagnostics;
using System.Globalization;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Runners;

/// <summary>
/// <c>--cold</c>: the first call in a fresh process, as on a serverless host. Each run is a new process (JIT, no
/// ReadyToRun of the app) that builds the client and makes one Zipchat list call (its time: client construction +
/// first call, JIT and type loading included); the parent alternates the raw-HttpClient baseline and the SDK,
/// fifteen runs each, and reports the medians of the first call and of the whole process (start to exit).
/// </summary>
public static class ColdRunner
{
    private const string ResultPrefix = "COLD ";
    private const int Runs = 15;

    // Zipchat: the cold-start figure of issue 15 is one Zipchat call (its SDK client is the simplest to build).
    private const string Vendor = "Zipchat";

    /// <summary>The parent: starts the server and the children, prints the medians.</summary>
    public static async Task<int> RunAsync()
    {
        var vendor = Catalog.Find(Vendor);
        using var server = await ServerProcess.StartAsync();
        var kinds = new[] { ClientKind.Baseline, ClientKind.Sdk };
        var firstCall = kinds.ToDictionary(k => k, _ => new List<double>());
        var process = kinds.ToDictionary(k => k, _ => new List<double>());
        for (var run = 0; run < Runs; run++)
        {
            foreach (var kind in run % 2 == 0 ? kinds : kinds.Reverse())
            {
                var started = Stopwatch.GetTimestamp();
                var lines = await SelfProcess.RunAsync("--cold-child", kind.ToString(), vendor.Name, server.Address.AbsoluteUri);
                process[kind].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var result = lines.Single(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal));
                firstCall[kind].Add(double.Parse(result[ResultPrefix.Length..], CultureInfo.InvariantCulture));
            }
        }

        Console.WriteLine($"cold first call, {vendor.Name} list ({VendorScenario.PageSize} items), median of {Runs} fresh processes each:");
        foreach (var kind in kinds)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {QuickRunner.Label(kind),-10} first call {Sample.MedianOf(firstCall[kind]),8:F1} ms   whole process {Sample.MedianOf(process[kind]),8:F1} ms"));
        }

        var delta = Sample.MedianOf(firstCall[ClientKind.Sdk]) - Sample.MedianOf(firstCall[ClientKind.Baseline]);
        var processDelta = Sample.MedianOf(process[ClientKind.Sdk]) - Sample.MedianOf(process[ClientKind.Baseline]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"COLD vendor={vendor.Name} runs={Runs} baseline_process_ms={Sample.MedianOf(process[ClientKind.Baseline]):F1} sdk_process_ms={Sample.MedianOf(process[ClientKind.Sdk]):F1} process_delta_ms={processDelta:F1} first_call_delta_ms={delta:F1} target: process_delta_ms<=50"));
        return 0;
    }

    /// <summary>The child: one client, one call, one line.</summary>
    public static async Task<int> RunChildAsync(string kind, string vendorName, string root)
    {
        var vendor = Catalog.Find(vendorName);
        var clientKind = Enum.Parse<ClientKind>(kind);
        var started = Stopwatch.GetTimestamp();
        using (var client = vendor.Create(clientKind, new Uri(root), null))
        {
            var count = await client.ListAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (count != VendorScenario.PageSize)
            {
                throw new InvalidOperationException($"Expected {VendorScenario.PageSize} items, got {count}.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ResultPrefix}{elapsed.TotalMilliseconds:F3}"));
        }

        return 0;
    }
}
