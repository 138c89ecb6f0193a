using System.Text.Json;
using ChatApis.AssistLoop;
using ChatApis.Pagination;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

/// <summary>A fresh simulator (on a manual clock) per test, and clients for either surface.</summary>
public abstract class AssistLoopTestBase : IAsyncLifetime
{
    private readonly List<IDisposable> _disposables = [];
    private readonly List<IAsyncDisposable> _asyncDisposables = [];

    protected AssistLoopTestBase()
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 21, 9, 0, 0, TimeSpan.Zero));
        Sim = new AssistLoopSimulator(new SimulatorHostOptions { TimeProvider = Clock });
    }

    /// <summary>The documents' (obfuscated) example emails, verbatim: their space is a no-break space.</summary>
    protected const string ProtectedEmail = "[email\u00a0protected]";

    public static TheoryData<AssistLoopSurface> Surfaces => [AssistLoopSurface.Zapier, AssistLoopSurface.Make];

    protected ManualTimeProvider Clock { get; }

    protected AssistLoopSimulator Sim { get; }

    public virtual async ValueTask InitializeAsync() => await Sim.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        foreach (var disposable in _asyncDisposables)
        {
            await disposable.DisposeAsync();
        }

        Sim.Webhooks.Dispose();
        await Sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        _asyncDisposables.Add(disposable);
        return disposable;
    }

    protected static string BasePath(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? "/v1/" : "/api/v1/";

    protected static string Platform(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? "make" : "zapier";

    protected static string Folder(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? "make" : "zapier";

    protected static string Fixture(string folder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name + ".json"));

    protected static string Fixture(AssistLoopSurface surface, string name) => Fixture(Folder(surface), name);

    protected AssistLoopClientOptions Options(AssistLoopSurface surface, Action<AssistLoopClientOptions>? configure = null)
    {
        var options = new AssistLoopClientOptions
        {
            Surface = surface,
            BaseAddress = new Uri(Sim.BaseAddress, BasePath(surface).TrimStart('/')),
            ClientId = AssistLoopSimulator.ClientId,
            ClientSecret = AssistLoopSimulator.ClientSecret,
            AccessToken = AssistLoopSimulator.AccessToken,
            RefreshToken = AssistLoopSimulator.RefreshToken,
            MaxRetries = 0,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    protected AssistLoopClient Client(AssistLoopSurface surface = AssistLoopSurface.Zapier, Action<AssistLoopClientOptions>? configure = null)
    {
        var client = new AssistLoopClient(Options(surface, configure), Clock);
        _disposables.Add(client);
        return client;
    }

    /// <summary>Makes the next matching request answer with a document's example (the endpoint does not run).</summary>
    protected void Serve(string method, string path, string json, int status = 200, IReadOnlyDictionary<string, string>? headers = null) =>
        Sim.Faults.On(method, path).Once(Fault.Status(status, json, headers: headers));

    protected static void AssertJson(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(e.RootElement, a.RootElement), $"Expected {expected} but was {actual}");
    }

    protected static void AssertBearer(RecordedRequest request, string token = AssistLoopSimulator.AccessToken) =>
        Assert.Equal("Bearer " + token, request.Headers["Authorization"]);

    protected static void AssertJsonBody(RecordedRequest request, string expectedExactBody)
    {
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(expectedExactBody, request.Body);
    }

    /// <summary>Enumerates a one-response list and returns its only page (the list endpoints answer in one response).</summary>
    protected static async Task<Page<T>> OnlyPage<T>(AsyncPageable<T> pageable)
    {
        var pages = new List<Page<T>>();
        await foreach (var page in pageable.AsPages(TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.False(only.HasMore);
        Assert.Null(only.PageNumber);
        return only;
    }

    protected static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
