namespace ChatApis.Core.Tests.Support;

/// <summary>Starts a fresh <see cref="CoreSimulator"/> per test class instance (xunit creates one per test).</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    protected CoreSimulator Sim { get; private set; } = null!;

    protected virtual Testing.SimulatorHostOptions? SimulatorOptions => null;

    public async ValueTask InitializeAsync()
    {
        Sim = new CoreSimulator(SimulatorOptions);
        await Sim.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
