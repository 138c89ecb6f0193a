using BenchmarkDotNet.Attributes;
using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Suites;

/// <summary>List (100 items), simple GET and POST over HTTP/1.1 loopback to the out-of-process Kestrel server.</summary>
public class LoopbackBenchmarks : CallBenchmarks
{
    /// <summary>The cases.</summary>
    public static IEnumerable<ClientCase> Cases => ClientCase.With(VendorCalls.List, VendorCalls.Simple, VendorCalls.Post);

    /// <inheritdoc />
    [ParamsSource(nameof(Cases))]
    public override ClientCase Case { get; set; } = null!;

    /// <inheritdoc />
    protected override bool NoNetwork => false;
}
