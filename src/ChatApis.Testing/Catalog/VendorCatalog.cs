using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Testing.Catalog;

/// <summary>
/// Every vendor ChatApis supports, in the order the tools show them. This is the one hand-kept vendor list of the
/// repository: the simulator tool (its servers, ports, help and banner), the reliability suite (which surfaces it
/// must cover), the QuickStart (which tours it must run) and the smoke scripts (through the tool's
/// <c>--settings-file</c>) all read it. Adding a vendor: see CONTRIBUTING.md, "Adding a vendor".
/// </summary>
public static class VendorCatalog
{
    /// <summary>The vendors, in display order (the simulator tool gives each the next port in this order).</summary>
    public static IReadOnlyList<SimulatedVendor> All { get; } =
    [
        AssistLoopCatalogEntry.Instance,
        ZipchatCatalogEntry.Instance,
        ChattingCatalogEntry.Instance,
        VertextCatalogEntry.Instance,
    ];

    /// <summary>Every surface of every vendor, in display order.</summary>
    public static IReadOnlyList<SimulatedSurface> Surfaces { get; } = [.. All.SelectMany(v => v.Surfaces)];

    /// <summary>The vendor called <paramref name="name"/> (ordinal, case-insensitive).</summary>
    /// <exception cref="ArgumentException">No vendor has that name.</exception>
    public static SimulatedVendor Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown vendor '{name}'; known: {string.Join(", ", All.Select(v => v.Name))}.", nameof(name));
}
