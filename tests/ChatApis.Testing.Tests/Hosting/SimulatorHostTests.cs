using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Hosting;

public sealed class SimulatorHostTests
{
    // A bound on awaits that could hang, so a regression fails its test instead of the run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

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
        // A port below every system's range for OS-picked ports (Linux 32768-60999, Windows and macOS
        // 49152-65535), so no test that lets the OS pick can be given it meanwhile; one that something on
        // this machine already holds is skipped, never released and re-taken.
        var first = 20_000 + Random.Shared.Next(10_000);
        for (var port = first; ; port++)
        {
            await using var sim = new ItemsSimulator(new SimulatorHostOptions { Port = port });
            try
            {
                await sim.StartAsync(Ct);
            }
            catch (IOException) when (port < first + 20)
            {
                continue;
            }

            Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), sim.BaseAddress);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            Assert.Equal(ItemsSimulator.ItemsJson, await client.GetStringAsync("items", Ct));
            return;
        }
    }

    [Fact]
    public async Task A_configured_port_already_taken_fails_the_start_and_leaves_the_simulator_startable()
    {
        await using var holder = new ItemsSimulator();
        await holder.StartAsync(Ct);
        var taken = holder.BaseAddress.Port;
        await using var sim = new ItemsSimulator(new SimulatorHostOptions { Port = taken });

        await Assert.ThrowsAsync<IOException>(() => sim.StartAsync(Ct));

        // Not "already started": the failed start left it as it was, and it tries the same port again.
        await Assert.ThrowsAsync<IOException>(() => sim.StartAsync(Ct));
        Assert.Throws<InvalidOperationException>(() => sim.BaseAddress);
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
    public async Task Unmatched_routes_get_a_json_404_that_lists_every_route()
    {
        await using var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };

        using var response = await client.GetAsync("no/such/route", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"error":"not_found","message":"ItemsSimulator has no route for GET /no/such/route; its routes are listed under \"routes\".","routes":["""
            + """{"method":"GET","path":"/gated"},{"method":"GET","path":"/greeting"},{"method":"GET","path":"/items"},{"method":"POST","path":"/items"},"""
            + """{"method":"GET","path":"/short"},{"method":"GET","path":"/stream"}]}""",
            await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/no/such/route", sim.Journal.Last.Path);
        Assert.Equal("GET", sim.Journal.Last.Method);
    }

    [Fact]
    public async Task Without_admin_endpoints_the_admin_path_is_an_unknown_route_and_faults_cannot_be_posted()
    {
        await using var sim = new ItemsSimulator();
        await sim.StartAsync(Ct);
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };

        using var response = await client.PostAsync("_admin/faults", new StringContent("503"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(sim.Faults.Rules);
        Assert.DoesNotContain("\"path\":\"/_admin", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
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
        var sim = new ItemsSimulator(new SimulatorHostOptions { StopTimeout = Timeout.InfiniteTimeSpan });
        await sim.StartAsync(Ct);
        sim.Faults.OnAny().Always(Fault.Hang());
        using var client = new HttpClient { BaseAddress = sim.BaseAddress };
        var pending = client.GetAsync("items", Ct);
        await WaitUntil(() => sim.Journal.Count == 1);

        // The stop timeout would never cut the hanging request, so disposing ends only because the fault
        // lets go as soon as the simulator stops (the guard only keeps a regression from hanging the run).
        await sim.DisposeAsync().AsTask().WaitAsync(Guard, Ct);

        await Assert.ThrowsAsync<HttpRequestException>(() => pending.WaitAsync(Guard, Ct));
    }

    [Fact]
    public async Task A_stop_timeout_that_is_not_positive_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemsSimulator(new SimulatorHostOptions { StopTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ItemsSimulator(new SimulatorHostOptions { StopTimeout = TimeSpan.FromSeconds(-1) }));
        await using var waitsForever = new ItemsSimulator(new SimulatorHostOptions { StopTimeout = Timeout.InfiniteTimeSpan });
        Assert.Equal(TimeSpan.FromSeconds(2), new SimulatorHostOptions().StopTimeout);
    }

    [Fact]
    public async Task A_closed_loopback_port_refuses_connections_until_disposed()
    {
        using var closed = new ClosedLoopbackPort();
        using var client = new HttpClient { BaseAddress = closed.BaseAddress };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("items", Ct).WaitAsync(Guard, Ct));

        Assert.Equal(HttpRequestError.ConnectionError, error.HttpRequestError);
        Assert.Equal(new Uri($"http://127.0.0.1:{closed.Port}/"), closed.BaseAddress);
        Assert.InRange(closed.Port, 1, IPEndPoint.MaxPort);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(Guard);
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, $"The condition was not met within {Guard}.");
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
