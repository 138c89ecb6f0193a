using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatApis.Chatting;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests.Support;

/// <summary>A fresh simulator and client per test; both clocks start on the documents' day.</summary>
public abstract class ChattingTestBase : IAsyncLifetime
{
    public static readonly DateTimeOffset DocumentDay = new(2026, 4, 9, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<IDisposable> _owned = [];

    protected ManualTimeProvider SimClock { get; } = new(DocumentDay);

    // Retry backoffs (well under a second here) pass at once; attempt timeouts (10 s) never fire by themselves.
    protected ManualTimeProvider ClientClock { get; } = new(DocumentDay) { AutoAdvanceLimit = TimeSpan.FromSeconds(5) };

    protected ChattingSimulator Sim { get; private set; } = null!;

    protected ChattingClient Client { get; private set; } = null!;

    protected Uri ApiBase => new(Sim.BaseAddress, "api/zapier/");

    public virtual async ValueTask InitializeAsync()
    {
        Sim = new ChattingSimulator(new SimulatorHostOptions { TimeProvider = SimClock });
        await Sim.StartAsync(TestContext.Current.CancellationToken);
        Client = CreateClient();
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }

        await Sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected ChattingClientOptions Options(string apiKey = ChattingSimulator.ApiKey, int maxRetries = 2) => new()
    {
        ApiKey = apiKey,
        BaseAddress = ApiBase,
        MaxRetries = maxRetries,
        RetryBaseDelay = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(60),
    };

    protected ChattingClient CreateClient(string apiKey = ChattingSimulator.ApiKey, int maxRetries = 2) =>
        Own(new ChattingClient(Options(apiKey, maxRetries), ClientClock));

    protected HttpClient CreateRawHttp(string? apiKey = ChattingSimulator.ApiKey)
    {
        var http = Own(new HttpClient { BaseAddress = ApiBase });
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return http;
    }

    protected T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>A documented JSON example as one line, the way a client writes it.</summary>
    public static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString(Relaxed);

    protected static void AssertJsonEqual(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}\nbut got {actual}");

    /// <summary>Asserts the method, wire path, query and authentication of a recorded request.</summary>
    protected static void AssertRequest(RecordedRequest request, string method, string path, string query = "")
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.QueryString);
        Assert.Equal(ChattingSimulator.ApiKey, request.Headers["X-API-Key"]);
    }

    /// <summary>Asserts a JSON request body, byte for byte, and its content type.</summary>
    protected static void AssertJsonBody(RecordedRequest request, string expectedCompactJson)
    {
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal(expectedCompactJson, request.Body);
    }
}
