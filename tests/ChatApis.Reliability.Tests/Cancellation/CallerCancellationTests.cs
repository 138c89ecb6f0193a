using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChatApis.AssistLoop;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.Reliability.Tests.Cancellation;

/// <summary>
/// The caller's cancellation, in every phase a call can be waiting in (connect, response headers, body,
/// error body, retry wait, rate-limit wait, OAuth refresh), ends the call with an
/// <see cref="OperationCanceledException"/> carrying the caller's own token: not a timeout, not a
/// <see cref="ChatApiException"/>, and no further request.
/// </summary>
/// <remarks>
/// "Within 100 ms" is not measured with a stopwatch: wall-clock assertions fail under parallel load. Each
/// case instead makes the cancellation the only way out: the phase is held (by the server, the connect
/// callback or the manual clock) until the test cancels, and the client's clock is a manual one that
/// the test never moves. A call that ends while that clock stands still ended on the cancellation
/// itself, not on any timeout, backoff or limiter timer; a call that does not end is a hang and fails
/// the case after <see cref="Bounded.Limit"/>.
/// </remarks>
public class CallerCancellationTests
{
    private const string Group = "cancellation: caller cancels in a phase";

    public static TheoryData<string> EverySurface => [.. Surfaces.All.Select(s => s.Name)];

    // The surfaces with a documented client-side budget: AssistLoop (60 a minute) and Zipchat (120 a minute).
    public static TheoryData<string, int> BudgetedSurfaces => new()
    {
        { Surfaces.AssistLoopZapier.Name, 60 },
        { Surfaces.AssistLoopMake.Name, 60 },
        { Surfaces.Zipchat.Name, 120 },
    };

    public static TheoryData<string> OAuthSurfaces => [Surfaces.AssistLoopZapier.Name, Surfaces.AssistLoopMake.Name];

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Cancelling_while_the_connection_is_being_opened_is_the_callers_cancellation(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        var connecting = new TaskCompletionSource<DnsEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var origin = new RawHttpServer(c => c.HoldAsync());
        var (provider, client) = InjectedClients.Create(surface, origin.ApiBaseFor(surface), new ClientSettings { Time = clock }, handler =>
            handler.ConnectCallback = async (context, ct) =>
            {
                // The connect phase, held until the test is done: nothing reaches the socket.
                connecting.TrySetResult(context.DnsEndPoint);
                await released.Task.WaitAsync(ct);
                throw new SocketException((int)SocketError.ConnectionRefused);
            });
        await using var _ = provider;
        try
        {
            using var cts = new CancellationTokenSource();
            var call = Task.Run(() => surface.Read.Invoke(client, cts.Token));
            var endpoint = await connecting.Task.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);

            await cts.CancelAsync();

            await AssertCallerCancelledAsync(call, cts.Token);
            Assert.Equal(origin.BaseAddress.Port, endpoint.Port);
            Assert.Equal(0, origin.Accepted);
            Assert.Equal(started, clock.GetUtcNow());
        }
        finally
        {
            released.TrySetResult();
        }

        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Cancelling_while_waiting_for_the_response_headers_is_the_callers_cancellation(string surfaceName)
    {
        await HoldAfterAsync(Surfaces.ByName(surfaceName), prelude: null);

        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Cancelling_while_the_body_stalls_is_the_callers_cancellation(string surfaceName)
    {
        // The headers and the first bytes of a 4 KiB body, then nothing.
        await HoldAfterAsync(Surfaces.ByName(surfaceName), "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n[{\"id\":\"partial");

        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Cancelling_while_an_error_body_stalls_is_the_callers_cancellation_not_the_error(string surfaceName)
    {
        await HoldAfterAsync(Surfaces.ByName(surfaceName), "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n{\"error\":\"ser");

        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Cancelling_during_the_retry_wait_after_a_503_with_Retry_After_is_the_callers_cancellation(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        var clock = new WatchedClock();
        var started = clock.GetUtcNow();
        var body = Encoding.UTF8.GetBytes(surface.ErrorBody("unavailable", "busy"));
        await using var server = new RawHttpServer(async c =>
        {
            while (await c.ReadRequestAsync() is not null)
            {
                await c.WriteAsync($"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 30\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                await c.WriteAsync(body);
            }
        });
        using var client = surface.CreateClient(server.ApiBaseFor(surface), new ClientSettings { Time = clock });
        using var cts = new CancellationTokenSource();

        var call = Task.Run(() => surface.Read.Invoke(client, cts.Token));

        // The retry wait has begun once the call starts a timer as long as the server's Retry-After.
        await clock.TimerStarted(TimeSpan.FromSeconds(30)).WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await AssertCallerCancelledAsync(call, cts.Token);
        var only = Assert.Single(server.Requests);
        Assert.Equal(surface.Read.Method, only.Method);
        Assert.Equal(surface.Read.Path, only.Path);
        Assert.Equal(started, clock.GetUtcNow());
        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(BudgetedSurfaces))]
    public async Task Cancelling_while_queued_at_the_exhausted_client_side_budget_is_the_callers_cancellation(string surfaceName, int budget)
    {
        var surface = Surfaces.ByName(surfaceName);
        var clock = new WatchedClock();
        var started = clock.GetUtcNow();
        var body = Encoding.UTF8.GetBytes(surface.ErrorBody("not_found", "No such thing."));
        await using var server = new RawHttpServer(async c =>
        {
            while (await c.ReadRequestAsync() is not null)
            {
                await c.WriteAsync($"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                await c.WriteAsync(body);
            }
        });
        using var client = surface.CreateClient(server.ApiBaseFor(surface), new ClientSettings { Time = clock });

        // Spend the whole budget (a failed call spends a permit as well as a successful one).
        for (var i = 0; i < budget; i++)
        {
            var (_, spent) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));
            Assert.IsType<ChatApiNotFoundException>(spent);
        }

        using var cts = new CancellationTokenSource();
        var call = Task.Run(() => surface.Read.Invoke(client, cts.Token));

        // The call queues once the limiter starts its wake-up timer: due when the oldest permit leaves the one-minute window.
        await clock.TimerStarted(TimeSpan.FromMinutes(1)).WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await AssertCallerCancelledAsync(call, cts.Token);
        Assert.Equal(budget, server.Requests.Count);
        Assert.Equal(started, clock.GetUtcNow());
        Counts.Add(Group);
    }

    [Theory]
    [MemberData(nameof(OAuthSurfaces))]
    public async Task Cancelling_while_the_token_endpoint_stalls_a_refresh_is_the_callers_cancellation(string surfaceName)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        await using var server = new RawHttpServer(async c =>
        {
            if (await c.ReadRequestAsync() is not null)
            {
                await c.HoldAsync();
            }
        });
        var options = surface.Options(server.ApiBaseFor(surface), new ClientSettings { Time = clock });
        options.AccessTokenExpiresAt = started.AddMinutes(-1);
        using var client = new AssistLoopClient(options, clock, SecretSink.LoggerFactory);
        using var cts = new CancellationTokenSource();

        var call = Task.Run(() => surface.Read.Invoke(client, cts.Token));
        var refresh = await server.WaitForRequestAsync(1);
        await cts.CancelAsync();

        await AssertCallerCancelledAsync(call, cts.Token);

        // The only request is the refresh grant the call was waiting for; the API call itself never went out.
        Assert.Equal("POST", refresh.Method);
        Assert.Equal("/oauth/token", refresh.Target);
        Assert.False(refresh.Headers.ContainsKey("Authorization"));
        using (var grant = JsonDocument.Parse(refresh.Body))
        {
            Assert.Equal("refresh_token", grant.RootElement.GetProperty("grant_type").GetString());
            Assert.Equal(AssistLoopSimulator.RefreshToken, grant.RootElement.GetProperty("refresh_token").GetString());
            Assert.Equal(AssistLoopSimulator.ClientId, grant.RootElement.GetProperty("client_id").GetString());
            Assert.Equal(AssistLoopSimulator.ClientSecret, grant.RootElement.GetProperty("client_secret").GetString());
        }

        Assert.Single(server.Requests);
        Assert.Equal(started, clock.GetUtcNow());
        Counts.Add(Group);
    }

    /// <summary>
    /// Awaits a call the test has cancelled: it must end (within <see cref="Bounded.Limit"/>, a hang guard)
    /// with an <see cref="OperationCanceledException"/> that carries the caller's token and wraps no timeout.
    /// </summary>
    internal static async Task<OperationCanceledException> AssertCallerCancelledAsync(Task call, CancellationToken callersToken)
    {
        Exception? error = null;
        try
        {
            await call.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            throw new Xunit.Sdk.XunitException($"The call did not end within {Bounded.Limit} of its cancellation: a hang.");
        }
        catch (Exception ex)
        {
            error = ex;
        }

        SecretSink.Observe(error);
        if (error is not OperationCanceledException canceled)
        {
            throw new Xunit.Sdk.XunitException($"Expected the caller's OperationCanceledException, got {error?.ToString() ?? "success"}");
        }

        Assert.True(canceled.CancellationToken == callersToken, $"The OperationCanceledException carries another token than the caller's: {canceled}");
        Assert.False(canceled.InnerException is TimeoutException, $"The cancellation is reported as a timeout: {canceled}");
        return canceled;
    }

    // A phase the server holds (the request read, maybe part of a response written): the test cancels once
    // the server is in it, and the client must give the connection up without another request.
    // A server that reads the request, writes the prelude (if any), then holds the connection open until the
    // test ends: the call is parked in exactly the phase the prelude leaves it in, and only cancellation ends it.
    private static async Task HoldAfterAsync(Surface surface, string? prelude)
    {
        var held = new TaskCompletionSource<RawHttpConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new RawHttpServer(async c =>
        {
            if (await c.ReadRequestAsync() is not null)
            {
                if (prelude is not null)
                {
                    await c.WriteAsync(prelude);
                }

                held.TrySetResult(c);
                await c.HoldAsync();
            }
        });

        await RunHeldPhaseAsync(surface, server, held.Task);
    }

    private static async Task RunHeldPhaseAsync(Surface surface, RawHttpServer server, Task<RawHttpConnection> held)
    {
        var clock = new ManualTimeProvider();
        var started = clock.GetUtcNow();
        using var client = surface.CreateClient(server.ApiBaseFor(surface), new ClientSettings { Time = clock });
        using var cts = new CancellationTokenSource();

        var call = Task.Run(() => surface.Read.Invoke(client, cts.Token));
        var connection = await held.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await AssertCallerCancelledAsync(call, cts.Token);
        var only = Assert.Single(server.Requests);
        Assert.Equal(surface.Read.Method, only.Method);
        Assert.Equal(surface.Read.Path, only.Path);
        Assert.Equal(started, clock.GetUtcNow());

        // The client dropped the connection it gave up on rather than leave it half-read in its pool.
        await connection.ClientClosed.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        Assert.Empty(server.ScriptErrors);
    }
}
