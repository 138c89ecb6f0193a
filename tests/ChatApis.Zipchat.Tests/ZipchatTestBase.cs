using ChatApis.Testing;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;

namespace ChatApis.Zipchat.Tests;

/// <summary>A started simulator on a manual clock and a client pointed at it, per test.</summary>
public abstract class ZipchatTestBase : IAsyncLifetime
{
    protected ManualTimeProvider Clock { get; } = new();

    protected ZipchatSimulator Sim { get; private set; } = null!;

    protected ZipchatClient Client { get; private set; } = null!;

    /// <summary>The seeded clock instant (2026-01-01T00:00:00Z), from which the simulator's seeds are offset.</summary>
    protected static DateTimeOffset T0 => ManualTimeProvider.DefaultStart;

    protected Uri ApiBase => new(Sim.BaseAddress, ZipchatSimulator.ApiPath);

    public virtual async ValueTask InitializeAsync()
    {
        Sim = new ZipchatSimulator(new SimulatorHostOptions { TimeProvider = Clock });
        await Sim.StartAsync(TestContext.Current.CancellationToken);
        Client = NewClient();
    }

    public virtual async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Sim is not null)
        {
            await Sim.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected ZipchatClient NewClient(Action<ZipchatClientOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        return new ZipchatClient(options, Clock);
    }

    protected ZipchatClientOptions Options() => new()
    {
        ApiKey = ZipchatSimulator.ApiKey,
        ChatId = ZipchatSimulator.ChatId,
        BaseAddress = ApiBase,
        MaxRetries = 2,
        RetryBaseDelay = TimeSpan.Zero,
        AttemptTimeout = TimeSpan.FromMinutes(5),
        TotalTimeout = TimeSpan.FromMinutes(10),
    };

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Asserts the auth and accept side of a request: the bearer key, and nothing else secret.</summary>
    protected static void AssertAuthorized(RecordedRequest request) =>
        Assert.Equal("Bearer " + ZipchatSimulator.ApiKey, request.Headers["Authorization"]);

    protected static void AssertJsonBody(RecordedRequest request, string expectedJson)
    {
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(expectedJson, request.Body);
    }
}
