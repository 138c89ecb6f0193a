using System.Diagnostics;
using System.Globalization;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Runners;

/// <summary>
/// <c>--paging</c>: auto-pagination memory. Each walk runs in a fresh process so its peak working set is
/// its own; walks of 10, 100 and 1,000 pages (100 items each) show whether memory stays flat in the page
/// count, and the 1,000-page walk gives the bytes allocated per item. The children run with a 4 MiB
/// gen0 budget (DOTNET_GCgen0size) so the working set follows live memory instead of the default
/// budget, which on its own grows the working set by tens of MiB before the first collection.
/// </summary>
public static class PagingRunner
{
    private const string ResultPrefix = "PAGING ";
    private static readonly Dictionary<string, string> SmallGen0 = new() { ["DOTNET_GCgen0size"] = "0x400000" };

    /// <summary>The parent: runs every (client, page count) walk and prints the table.</summary>
    public static async Task<int> RunAsync()
    {
        var vendor = Catalog.All.First(v => v.HasSdk && v.Calls.HasFlag(VendorCalls.Walk));
        using var server = await ServerProcess.StartAsync();
        Console.WriteLine($"auto-pagination, {vendor.Name}, pages of {VendorScenario.PageSize}, one fresh process per walk:");
        Console.WriteLine("  client     pages     items   time/item   bytes/item   peak working set   gen0/1/2 GCs");
        foreach (var pages in new[] { 10, 100, VendorScenario.WalkPages })
        {
            foreach (var kind in new[] { ClientKind.Baseline, ClientKind.Sdk })
            {
                var lines = await SelfProcess.RunAsync(SmallGen0, "--paging-child", kind.ToString(), vendor.Name, server.Address.AbsoluteUri, pages.ToString(CultureInfo.InvariantCulture));
                var fields = lines.Single(l => l.StartsWith(ResultPrefix, StringComparison.Ordinal))[ResultPrefix.Length..].Split(' ');
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {QuickRunner.Label(kind),-8} {pages,7} {fields[0],9} {double.Parse(fields[1], CultureInfo.InvariantCulture),8:F0} ns {double.Parse(fields[2], CultureInfo.InvariantCulture),10:F0} B {long.Parse(fields[3], CultureInfo.InvariantCulture) / (1024.0 * 1024),14:F1} MiB   {fields[4]}"));
            }
        }

        return 0;
    }

    /// <summary>The child: one warm-up page, then the measured walk.</summary>
    public static async Task<int> RunChildAsync(string kind, string vendorName, string root, int pages)
    {
        var vendor = Catalog.Find(vendorName);
        using var client = vendor.Create(Enum.Parse<ClientKind>(kind), new Uri(root), null);

        // Warm the code path (JIT, connection) with a short walk so the figures are per item in steady state.
        await client.WalkAsync(VendorScenario.PageSize);
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var items = await client.WalkAsync((long)pages * VendorScenario.PageSize);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ResultPrefix}{items} {elapsed.TotalNanoseconds / items:F1} {(double)allocated / items:F1} {self.PeakWorkingSet64} {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}"));
        return 0;
    }
}
