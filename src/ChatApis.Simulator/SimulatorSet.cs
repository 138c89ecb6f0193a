using ChatApis.Testing;
using ChatApis.Testing.Catalog;

namespace ChatApis.Simulator;

/// <summary>
/// One simulator per vendor of the <see cref="VendorCatalog"/>, each on its own port: base, base + 1, … in catalog
/// order (0: any free ports).
/// </summary>
internal sealed class SimulatorSet : IAsyncDisposable
{
    private SimulatorSet(int port)
    {
        Running = [.. VendorCatalog.All.Select((vendor, offset) => (vendor, vendor.CreateSimulator(Options(port, offset, vendor.Name))))];
    }

    /// <summary>The highest port offset: the last vendor listens on the first port + this.</summary>
    public static int LastOffset => VendorCatalog.All.Count - 1;

    /// <summary>Every vendor with its simulator, in catalog order.</summary>
    public IReadOnlyList<(SimulatedVendor Vendor, SimulatorHost Simulator)> Running { get; }

    public static async Task<SimulatorSet> StartAsync(int port, CancellationToken cancellationToken)
    {
        var set = new SimulatorSet(port);
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

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, simulator) in Running)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SimulatorHostOptions Options(int port, int offset, string name) =>
        new() { Port = port == 0 ? 0 : port + offset, Name = name };
}
