using ChatApis.Testing.Vertext;
using ChatApis.Vertext;

namespace ChatApis.Vertext.Tests;

/// <summary>A fresh simulator and client per test.</summary>
public abstract class VertextTestBase : IAsyncLifetime
{
    protected VertextSimulator Sim { get; } = new();

    protected VertextClient Client { get; private set; } = null!;

    protected static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public async ValueTask InitializeAsync()
    {
        await Sim.StartAsync();
        Client = NewClient(VertextSimulator.AccessToken);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected VertextClient NewClient(string token) => new(new VertextClientOptions
    {
        AccessToken = token,
        BaseAddress = Sim.BaseAddress,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
    });
}
