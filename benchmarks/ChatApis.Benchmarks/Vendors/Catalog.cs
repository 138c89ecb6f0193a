using ChatApis.Benchmarks.Payloads;
using ChatApis.Benchmarks.Vendors.AssistLoop;
using ChatApis.Benchmarks.Vendors.Vertext;
using ChatApis.Benchmarks.Vendors.Zipchat;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>Every vendor the benchmarks know, and which one the quick mode's RATIO line is about.</summary>
public static class Catalog
{
    /// <summary>The vendors, in report order.</summary>
    public static IReadOnlyList<VendorScenario> All { get; } = [new AssistLoopScenario(), new ZipchatScenario(), new VertextScenario()];

    /// <summary>
    /// The vendor of the RATIO line and the cold start: the first in <see cref="All"/> with an SDK client,
    /// i.e. AssistLoop list-conversations.
    /// </summary>
    public static VendorScenario Primary => All.First(v => v.HasSdk);

    /// <summary>The vendor called <paramref name="name"/> (case-insensitive).</summary>
    public static VendorScenario Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown vendor '{name}'; known: {string.Join(", ", All.Select(v => v.Name))}.", nameof(name));

    /// <summary>The answers of every vendor, serialized once.</summary>
    public static PayloadRouter BuildRouter()
    {
        var router = new PayloadRouter();
        foreach (var vendor in All)
        {
            vendor.Map(router);
        }

        return router;
    }
}
