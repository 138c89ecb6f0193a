using ChatApis.Benchmarks.Vendors;

namespace ChatApis.Benchmarks.Suites;

/// <summary>A (vendor, call) pair a suite runs, listed only where the vendor has both the call and an SDK client.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Call">The call.</param>
public sealed record ClientCase(VendorScenario Vendor, VendorCalls Call)
{
    /// <summary>Every case with an SDK client, for <c>[ParamsSource]</c>.</summary>
    public static IEnumerable<ClientCase> With(params VendorCalls[] calls) =>
        from vendor in Catalog.All
        where vendor.HasSdk
        from call in calls
        where vendor.Calls.HasFlag(call)
        select new ClientCase(vendor, call);

    /// <summary>Invokes the call on <paramref name="client"/>.</summary>
    public Task<int> InvokeAsync(IVendorClient client) => Call switch
    {
        VendorCalls.List => client.ListAsync(),
        VendorCalls.Simple => client.SimpleAsync(),
        VendorCalls.Post => client.PostAsync(),
        _ => throw new NotSupportedException(Call.ToString()),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Vendor.Name}.{Call}";
}
