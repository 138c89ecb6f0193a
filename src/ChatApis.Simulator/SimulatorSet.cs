using ChatApis.Testing;
using ChatApis.Testing.Catalog;

namespace ChatApis.Simulator;

/// <summary>
/// One simulator per vendor of the <see cref="VendorCatalog"/>, each on its own port: base, base + 1, … in catalog
/// order (0: any free ports), seeded with a <see cref="SimulatorSeed"/>, with the <c>--fault</c> rules queued and
/// the <c>/_admin/faults</c> endpoints on.
/// </summary>
internal sealed class SimulatorSet : IAsyncDisposable
{
    private SimulatorSet(int port, SimulatorSeed seed, IReadOnlyList<VendorFault> faults)
    {
        Seed = seed;
        Faults = faults;
        Running = [.. VendorCatalog.All.Select((vendor, offset) => (vendor, vendor.CreateSimulator(Options(port, offset, vendor.Name))))];
        foreach (var (vendor, simulator) in Running)
        {
            vendor.Seed(simulator, seed);
            foreach (var fault in faults.Where(f => f.Vendor == vendor))
            {
                fault.Spec.ApplyTo(simulator.Faults);
            }
        }
    }

    /// <summary>The highest port offset: the last vendor listens on the first port + this.</summary>
    public static int LastOffset => VendorCatalog.All.Count - 1;

    /// <summary>The generated data the simulators serve.</summary>
    public SimulatorSeed Seed { get; }

    /// <summary>The <c>--fault</c> rules queued at start.</summary>
    public IReadOnlyList<VendorFault> Faults { get; }

    /// <summary>Every vendor with its simulator, in catalog order.</summary>
    public IReadOnlyList<(SimulatedVendor Vendor, SimulatorHost Simulator)> Running { get; }

    public static async Task<SimulatorSet> StartAsync(int port, SimulatorSeed seed, IReadOnlyList<VendorFault> faults, CancellationToken cancellationToken)
    {
        var set = new SimulatorSet(port, seed, faults);
        try
        {
            foreach (var (_, simulator) in set.Running)
            {
                await simulator.StartAsync(cancellationToken).ConfigureAwait(false);
            }

            return set;
        }
        catch
        {
            await set.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The simulator of <paramref name="vendor"/>.</summary>
    public SimulatorHost this[SimulatedVendor vendor] => Running.Single(r => r.Vendor == vendor).Simulator;

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, simulator) in Running)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SimulatorHostOptions Options(int port, int offset, string name) =>
        new() { Port = port == 0 ? 0 : port + offset, Name = name, AdminEndpoints = true };
}
