using System.Text;
using ChatApis.Testing.Catalog;

namespace ChatApis.Simulator;

/// <summary>What the tool prints: the surfaces, their base URLs, the seeded credentials and a first curl per API, all from the <see cref="VendorCatalog"/>.</summary>
internal static class Banner
{
    /// <summary>The vendors as the help's first sentence names them, e.g. "A, B, C and D".</summary>
    public static string Vendors
    {
        get
        {
            var names = VendorCatalog.All.Select(v => v.Description).ToList();
            return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        }
    }

    /// <summary>Which vendor listens on which port, for the help of <c>--port</c>.</summary>
    public static string Ports =>
        string.Join(", ", VendorCatalog.All.Select((v, offset) => offset == 0 ? $"{v.Name} listens on it" : $"{v.Name} on +{offset}"));

    public static string Routes =>
        "Surfaces (each simulator listens on its own port: --port, "
        + string.Join(", ", Enumerable.Range(1, SimulatorSet.LastOffset).Select(offset => offset == 1 ? "--port + 1" : $"+ {offset}"))
        + "):" + Environment.NewLine
        + PerVendor(v => v.Routes).TrimEnd();

    public static string Credentials =>
        "Seeded credentials:" + Environment.NewLine
        + PerVendor(v => v.Credentials)
        + "(These are the simulator's own test values, not secrets.)";

    public static string Started(SimulatorSet set)
    {
        var text = new StringBuilder();
        text.AppendLine("ChatApis simulator is running (Ctrl+C to stop).");
        foreach (var (vendor, simulator) in set.Running)
        {
            foreach (var surface in vendor.Surfaces)
            {
                text.AppendLine($"  {surface.Name,-19}{surface.ApiBase(simulator)}");
            }
        }

        text.AppendLine().AppendLine(Data(set.Seed));
        text.AppendLine(set.Faults.Count == 0 ? "Faults: none queued." : $"Faults queued: {string.Join("; ", set.Faults.Select(f => $"{f.Vendor.Name} {f.Spec.Text}"))}.");
        text.AppendLine().AppendLine(Credentials).AppendLine().AppendLine("Try:");
        foreach (var (vendor, simulator) in set.Running)
        {
            foreach (var command in vendor.TryCommands(simulator))
            {
                text.AppendLine($"  {command}");
            }
        }

        var (first, firstSimulator) = set.Running[0];
        text.AppendLine($"  curl -d '503x2' {firstSimulator.BaseAddress}_admin/faults   (the next two {first.Name} requests answer 503; GET lists, DELETE clears)");
        return text.ToString().TrimEnd();
    }

    /// <summary>What the simulators serve besides the documents' examples, for the banner.</summary>
    public static string Data(SimulatorSeed seed) => seed.ZipchatConversations == 0 && seed.VertextContacts == 0
        ? $"Seed: {seed.Name} (the documents' examples; --seed demo serves what the QuickStart shows)."
        : $"Seed: {seed.Name} (the documents' examples plus {seed.ZipchatConversations} Zipchat conversations and {seed.VertextContacts} contacts on Vertext's Demo chatbot).";

    // Each vendor's lines under its name: "  Name        first line" then the rest aligned under the first.
    private static string PerVendor(Func<SimulatedVendor, IReadOnlyList<string>> lines)
    {
        var text = new StringBuilder();
        foreach (var vendor in VendorCatalog.All)
        {
            var first = true;
            foreach (var line in lines(vendor))
            {
                text.Append("  ").Append((first ? vendor.Name : "").PadRight(12)).AppendLine(line);
                first = false;
            }
        }

        return text.ToString();
    }
}
