using BenchmarkDotNet.Attributes;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Suites;

/// <summary>The same calls over an in-memory stub transport: what is left is each client's own overhead.</summary>
public class NoNetworkBenchmarks : CallBenchmarks
{
    /// <summary>The cases.</summary>
    public static IEnumerable<ClientCase> Cases => ClientCase.With(VendorCalls.List, VendorCalls.Simple, VendorCalls.Post);

    /// <inheritdoc />
    [ParamsSource(nameof(Cases))]
    public override ClientCase Case { get; set; } = null!;

    /// <inheritdoc />
    protected override bool NoNetwork => true;
}
