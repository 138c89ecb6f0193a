using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Hosting;

public sealed class SimulatorHostTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BaseAddress_is_the_bound_loopback_address_with_a_trailing_slash()
    {
        await using var sim = new ItemsSimulator();
        Assert.Throws<InvalidOperationException>(() => sim.BaseAddress);

        await sim.StartAsync(Ct);

        Assert.Equal("http", sim.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", sim.BaseAddress.Host);
        Assert.True(sim.BaseAddress.Port > 0);
        Assert.Equal("/", sim.BaseAddress.AbsolutePath);
        Assert.EndsWith("/", sim.BaseAddress.OriginalString, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = sim.BaseAddress };
        using var response = await client.GetAsync("items", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
    }

    [Fact]
    public async Task Starting_twice_throws()
    {
        await using var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => sim.StartAsync(Ct));
    }

    [Fact]
    public async Task Starting_after_dispose_throws()
    {
        var sim = new ItemsSimulator();
        await sim.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sim.StartAsync(Ct));
    }

    [Fact]
    public async Task Listens_on_the_configured_port()
    {
        var port = FreePort();
        await using var sim = new ItemsSimulator(new SimulatorHostOptions { Port = port });

        await sim.StartAsync(Ct);

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), sim.BaseAddress);
    }

    [Fact]
    public async Task Options_supply_the_clock_and_the_name()
    {
        var clock = new ManualTimeProvider();
        await using var named = new ItemsSimulator(new SimulatorHostOptions { TimeProvider = clock, Name = "AssistLoop" });
        await using var unnamed = new ItemsSimulator();

        Assert.Same(clock, named.Time);
        Assert.Equal("AssistLoop", named.Name);
        Assert.Same(TimeProvider.System, unnamed.Time);
        Assert.Equal(nameof(ItemsSimulator), unnamed.Name);
    }

    [Fact]
    public async Task Unmatched_routes_get_a_plain_text_404()
    {
        await using var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };

        using var response = await client.GetAsync("no/such/route", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Not Found", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/no/such/route", sim.Journal.Last.Path);
    }

    [Fact]
    public async Task Json_helper_writes_the_text_verbatim_as_application_json()
    {
        await using var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };

        using var response = await client.GetAsync("items", Ct);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(ItemsSimulator.ItemsJson.Length, response.Content.Headers.ContentLength);
        Assert.Equal(ItemsSimulator.ItemsJson, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Services_registered_by_the_subclass_reach_its_endpoints()
    {
        await using var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };

        var body = await client.GetStringAsync("greeting", Ct);

        Assert.Equal("""{"text":"hello from DI"}""", body);
    }

    [Fact]
    public async Task Dispose_stops_listening()
    {
        var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        var address = sim.BaseAddress;

        await sim.DisposeAsync();
        await sim.DisposeAsync();

        using var client = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("items", Ct));
    }

    [Fact]
    public async Task Dispose_does_not_wait_for_a_client_stuck_on_a_hanging_request()
    {
        var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        sim.Faults.OnAny().Always(Fault.Hang());
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };
        var pending = client.GetAsync("items", Ct);
        await WaitUntil(() => sim.Journal.Count == 1);

        var stopwatch = Stopwatch.StartNew();
        await sim.DisposeAsync();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"Dispose took {stopwatch.Elapsed}.");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "Condition not met in time.");
            await Task.Delay(5, Ct);
        }
    }
}
