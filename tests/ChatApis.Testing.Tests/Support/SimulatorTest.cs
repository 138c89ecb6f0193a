using ChatApis.Testing;

namespace ChatApis.Testing.Tests.Support;

/// <summary>Starts a fresh <see cref="ItemsSimulator"/> per test, so no fault or journal entry leaks between tests.</summary>
public abstract class SimulatorTest : IAsyncLifetime
{
    private readonly List<HttpClient> _clients = [];

    protected ItemsSimulator Sim { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Sim = new ItemsSimulator(CreateOptions());
        await Sim.StartAsync(Ct);
        Client = NewClient();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual SimulatorHostOptions? CreateOptions() => null;

    protected HttpClient NewClient(bool allowAutoRedirect = true)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = allowAutoRedirect }) { BaseAddress = Sim.BaseAddress };
        _clients.Add(client);
        return client;
    }

    protected static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
