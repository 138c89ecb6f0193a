using BenchmarkDotNet.Attributes;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Suites;

/// <summary>
/// Auto-pagination over 100,000 items in 1,000 pages on loopback. Figures are per item
/// (OperationsPerInvoke); peak working set per page count comes from the <c>--paging</c> mode.
/// </summary>
[MemoryDiagnoser]
public class PaginationBenchmarks
{
    private const int Items = VendorScenario.WalkPages * VendorScenario.PageSize;
    private IVendorClient _baseline = null!;
    private IVendorClient _sdk = null!;

    /// <summary>The vendors with both an SDK client and a walk.</summary>
    public static IEnumerable<string> Vendors => Catalog.All.Where(v => v.HasSdk && v.Calls.HasFlag(VendorCalls.Walk)).Select(v => v.Name);

    /// <summary>The vendor.</summary>
    [ParamsSource(nameof(Vendors))]
    public string Vendor { get; set; } = "";

    /// <summary>Builds both clients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var vendor = Catalog.Find(Vendor);
        var root = ServerProcess.AddressFromEnvironment();
        _baseline = vendor.Create(ClientKind.Baseline, root, null);
        _sdk = vendor.Create(ClientKind.Sdk, root, null);
    }

    /// <summary>Releases both clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _baseline.Dispose();
        _sdk.Dispose();
    }

    /// <summary>A page loop over raw HttpClient.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Items)]
    public Task<long> Baseline() => Walk(_baseline);

    /// <summary>The SDK's <c>await foreach</c> over the pageable.</summary>
    [Benchmark(OperationsPerInvoke = Items)]
    public Task<long> Sdk() => Walk(_sdk);

    private static async Task<long> Walk(IVendorClient client)
    {
        var items = await client.WalkAsync();
        return items == Items ? items : throw new InvalidOperationException($"Walked {items} items, expected {Items}.");
    }
}
