using BenchmarkDotNet.Attributes;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Payloads;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Suites;

/// <summary>The four clients making the same call; the baseline is the limit.</summary>
[MemoryDiagnoser]
public abstract class CallBenchmarks
{
    private IVendorClient _baseline = null!;
    private IVendorClient _sdk = null!;
    private IVendorClient? _restEase;
    private IVendorClient? _flurl;

    /// <summary>The vendor and call.</summary>
    public abstract ClientCase Case { get; set; }

    /// <summary>Whether the calls go over the stub transport instead of loopback.</summary>
    protected abstract bool NoNetwork { get; }

    /// <summary>Builds the clients and checks each answers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var root = ServerProcess.AddressFromEnvironment();
        var router = NoNetwork ? Catalog.BuildRouter() : null;
        IVendorClient Make(ClientKind kind) => Case.Vendor.Create(kind, root, router is null ? null : new StubTransport(router));
        _baseline = Make(ClientKind.Baseline);
        _sdk = Make(ClientKind.Sdk);
        _restEase = Case.Vendor.Supports(ClientKind.RestEase) ? Make(ClientKind.RestEase) : null;
        _flurl = Case.Vendor.Supports(ClientKind.Flurl) ? Make(ClientKind.Flurl) : null;
        foreach (var client in new[] { _baseline, _sdk, _restEase, _flurl })
        {
            if (client is not null && Case.InvokeAsync(client).GetAwaiter().GetResult() <= 0)
            {
                throw new InvalidOperationException($"{client.GetType().Name} got an empty answer for {Case}.");
            }
        }
    }

    /// <summary>Releases the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _baseline.Dispose();
        _sdk.Dispose();
        _restEase?.Dispose();
        _flurl?.Dispose();
    }

    /// <summary>Raw HttpClient + source-generated System.Text.Json.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> Baseline() => Case.InvokeAsync(_baseline);

    /// <summary>The ChatApis SDK client.</summary>
    [Benchmark]
    public Task<int> Sdk() => Case.InvokeAsync(_sdk);

    /// <summary>RestEase with Newtonsoft.Json.</summary>
    [Benchmark]
    public Task<int> RestEase() => Case.InvokeAsync(_restEase ?? throw new NotSupportedException("No RestEase client."));

    /// <summary>Flurl.Http with Newtonsoft.Json.</summary>
    [Benchmark]
    public Task<int> Flurl() => Case.InvokeAsync(_flurl ?? throw new NotSupportedException("No Flurl client."));
}
