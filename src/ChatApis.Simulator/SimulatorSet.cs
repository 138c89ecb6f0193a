using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Simulator;

/// <summary>The four simulators, each on its own port: base, base + 1, base + 2, base + 3 (0: any free ports).</summary>
internal sealed class SimulatorSet : IAsyncDisposable
{
    private SimulatorSet(int port)
    {
        AssistLoop = new AssistLoopSimulator(Options(port, 0, "AssistLoop"));
        Zipchat = new ZipchatSimulator(Options(port, 1, "Zipchat"));
        Chatting = new ChattingSimulator(Options(port, 2, "Chatting"));
        Vertext = new VertextSimulator(Options(port, 3, "Vertext"));
    }

    public AssistLoopSimulator AssistLoop { get; }

    public ZipchatSimulator Zipchat { get; }

    public ChattingSimulator Chatting { get; }

    public VertextSimulator Vertext { get; }

    private IEnumerable<SimulatorHost> All => [AssistLoop, Zipchat, Chatting, Vertext];

    public static async Task<SimulatorSet> StartAsync(int port, CancellationToken cancellationToken)
    {
        var set = new SimulatorSet(port);
        try
        {
            foreach (var simulator in set.All)
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
        foreach (var simulator in All)
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static SimulatorHostOptions Options(int port, int offset, string name) =>
        new() { Port = port == 0 ? 0 : port + offset, Name = name };
}
