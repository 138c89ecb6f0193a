namespace ChatApis.Benchmarks.Vendors;

/// <summary>Which calls a vendor scenario has.</summary>
[Flags]
public enum VendorCalls
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary><see cref="IVendorClient.ListAsync"/>.</summary>
    List = 1,

    /// <summary><see cref="IVendorClient.SimpleAsync"/>.</summary>
    Simple = 2,

    /// <summary><see cref="IVendorClient.PostAsync"/>.</summary>
    Post = 4,

    /// <summary><see cref="IVendorClient.WalkAsync"/>.</summary>
    Walk = 8,
}
