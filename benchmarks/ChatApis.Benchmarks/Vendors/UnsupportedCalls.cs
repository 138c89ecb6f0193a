namespace ChatApis.Benchmarks.Vendors;

/// <summary>What a client throws for a call its vendor does not have.</summary>
public static class UnsupportedCalls
{
    /// <summary>The exception for <paramref name="call"/> of <paramref name="vendor"/>.</summary>
    public static NotSupportedException For(string vendor, string call) => new($"{vendor} has no '{call}' call in the benchmarks.");
}
