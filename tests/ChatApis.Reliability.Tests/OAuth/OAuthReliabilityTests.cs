using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.Reliability.Tests.OAuth;

/// <summary>AssistLoop's OAuth under pressure and failure, on both surfaces.</summary>
public class OAuthReliabilityTests
{
    public static TheoryData<string> Both => [Surfaces.AssistLoopZapier.Name, Surfaces.AssistLoopMake.Name];

    private static readonly DateTimeOffset Expired = ManualTimeProvider.DefaultStart.AddMinutes(-1);

    private static async Task<(AssistLoopSimulator Sim, AssistLoopClient Client, Surfaces.AssistLoopSurfaceDefinition Surface)> StartAsync(string surfaceName, ManualTimeProvider clock, ClientSettings settings, Action<AssistLoopClientOptions>? configure = null)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        var sim = (AssistLoopSimulator)surface.CreateSimulator(clock);
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var options = surface.Options(surface.ApiBase(sim), settings);
        options.AccessTokenExpiresAt = Expired;
        configure?.Invoke(options);
        return (sim, new AssistLoopClient(options, clock, SecretSink.LoggerFactory), surface);
    }

    private static async Task<OAuthTokens> StoredAsync(AssistLoopClient client)
    {
        var tokens = (await client.TokenStore.GetTokensAsync(TestContext.Current.CancellationToken))!;
        SecretSink.Secret(tokens.AccessToken);
        SecretSink.Secret(tokens.RefreshToken);
        return tokens;
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task Two_hundred_concurrent_callers_with_an_expired_token_cause_exactly_one_refresh(string surfaceName)
    {
        // The account's budget (60 a minute) lets the first 60 through at once, all holding the expired
        // token; the rest queue at the client's limiter while the shared clock moves (see BurstTests).
        var clock = new ManualTimeProvider();
        var (sim, client, surface) = await StartAsync(surfaceName, clock, new ClientSettings { Time = clock, MaxRetries = 0 });
        await using var _ = sim;
        using var __ = client;

        var start = clock.GetUtcNow();
        var finished = await RateLimits.BurstTests.RunBurstAsync(client, sim, clock, 200, c => surface.Read.Invoke(c, TestContext.Current.CancellationToken));

        // Not the number of calls (the harness returns one entry per call whatever happened): the shared
        // refresh let exactly one budget's worth of callers through before the clock moved, and the rest
        // waited their turn at the limiter instead of being sent with the expired token.
        Assert.Equal(60, finished.Count(t => t == start));
        Assert.True(finished.Max() - start >= TimeSpan.FromMinutes(3), $"200 calls at 60 a minute finished after {finished.Max() - start}");
        Assert.Equal(200, sim.Journal.Where(surface.Read.Method, surface.Read.Path).Count);
        Assert.Equal(1, sim.RefreshCount);
        var stored = await StoredAsync(client);
        Assert.NotEqual(AssistLoopSimulator.AccessToken, stored.AccessToken);
        Assert.True(sim.IsRefreshTokenValid(stored.RefreshToken!));
        Assert.All(sim.Journal.Where(surface.Read.Method, surface.Read.Path), r => Assert.Equal("Bearer " + stored.AccessToken, r.Headers["Authorization"].ToString()));
        Counts.Add("oauth: concurrent callers on an expired token", 200);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_rejected_refresh_is_a_typed_reauthorization_error_and_leaves_the_store_intact(string surfaceName)
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var (sim, client, surface) = await StartAsync(surfaceName, clock, new ClientSettings { Time = clock });
        await using var _ = sim;
        using var __ = client;
        var before = await StoredAsync(client);
        sim.Faults.On("POST", "/oauth/token").Always(Fault.Status(400, """{"error":"invalid_grant","message":"The refresh token is invalid."}"""));

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Assert.IsType<ChatApiReauthorizationRequiredException>(error);
        Assert.Equal(before, await StoredAsync(client));
        Assert.Empty(sim.Journal.Where(surface.Read.Method, surface.Read.Path));
        Counts.Add("oauth: failing token endpoint");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_token_endpoint_that_fails_on_the_wire_is_a_typed_error_and_leaves_the_store_intact(string surfaceName)
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var (sim, client, surface) = await StartAsync(surfaceName, clock, new ClientSettings { Time = clock, MaxRetries = 1 });
        await using var _ = sim;
        using var __ = client;
        var before = await StoredAsync(client);
        sim.Faults.On("POST", "/oauth/token").Always(Fault.Html(503));

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Assert.IsAssignableFrom<ChatApiException>(error);
        Assert.Equal(before, await StoredAsync(client));
        Assert.True(sim.IsRefreshTokenValid(AssistLoopSimulator.RefreshToken));
        Counts.Add("oauth: failing token endpoint");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task After_invalid_grant_ten_calls_send_exactly_one_token_request(string surfaceName)
    {
        var clock = new ManualTimeProvider();
        var (sim, client, surface) = await StartAsync(surfaceName, clock, new ClientSettings { Time = clock, MaxRetries = 0 });
        await using var _ = sim;
        using var __ = client;
        sim.Faults.On("POST", "/oauth/token").Always(Fault.Status(400, """{"error":"invalid_grant","message":"The refresh token is invalid."}"""));

        var errors = new List<Exception?>();
        for (var i = 0; i < 10; i++)
        {
            errors.Add((await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None))).Error);
        }

        Assert.All(errors, e => Assert.Equal("invalid_grant", Assert.IsType<ChatApiReauthorizationRequiredException>(e).ErrorCode));
        Assert.Single(sim.Journal.Where("POST", "/oauth/token"));
        Assert.Equal(1, sim.Journal.Count);
        Counts.Add("oauth: calls after invalid_grant", 10);
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task An_access_token_alone_rejected_by_the_server_reports_the_servers_answer_without_claiming_expiry(string surfaceName)
    {
        var clock = new ManualTimeProvider();
        var (sim, client, surface) = await StartAsync(surfaceName, clock, new ClientSettings { Time = clock, MaxRetries = 0 }, o =>
        {
            o.AccessToken = "al_at_never_issued_secret";
            o.AccessTokenExpiresAt = null;
            o.RefreshToken = null;
        });
        await using var _ = sim;
        using var __ = client;
        SecretSink.Secret("al_at_never_issued_secret");

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        var typed = Assert.IsType<ChatApiReauthorizationRequiredException>(error);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, typed.StatusCode);
        Assert.Equal("Unauthenticated", typed.ErrorCode);
        Assert.Equal(sim.LastRequestId, typed.RequestId);
        Assert.NotNull(typed.RequestId);
        Assert.Contains("No valid API token provided.", typed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired", typed.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([$"{surface.Read.Method} {surface.Read.Path}"], sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Counts.Add("oauth: 401 without a refresh token");
    }

    public static TheoryData<string, string> DropCases => new()
    {
        { Surfaces.AssistLoopZapier.Name, "token-connection-reset-after-response" },
        { Surfaces.AssistLoopZapier.Name, "next-call-connection-reset" },
        { Surfaces.AssistLoopMake.Name, "token-connection-reset-after-response" },
        { Surfaces.AssistLoopMake.Name, "next-call-connection-reset" },
    };

    [Theory]
    [MemberData(nameof(DropCases))]
    public async Task A_connection_dropped_right_after_the_refresh_response_keeps_the_rotated_token(string surfaceName, string where)
    {
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var (sim, client, surface) = await StartAsync(surfaceName, clock, new ClientSettings { Time = clock });
        await using var _ = sim;
        using var __ = client;
        if (where == "token-connection-reset-after-response")
        {
            // The whole token response goes out, then the connection is reset.
            sim.Faults.On("POST", "/oauth/token").Once(Fault.ResetBody(int.MaxValue));
        }
        else
        {
            sim.Faults.On(surface.Read.Method, surface.Read.Path).Once(Fault.Abort());
        }

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Assert.Null(error);
        Assert.Equal(1, sim.RefreshCount);
        var stored = await StoredAsync(client);
        Assert.NotEqual(AssistLoopSimulator.AccessToken, stored.AccessToken);
        Assert.False(sim.IsRefreshTokenValid(AssistLoopSimulator.RefreshToken));
        Assert.True(sim.IsRefreshTokenValid(stored.RefreshToken!), "the rotated refresh token was lost: the account's connection is gone");

        // The connection to the account still works, with no further refresh.
        await surface.Read.Invoke(client, TestContext.Current.CancellationToken);
        Assert.Equal(1, sim.RefreshCount);
        Counts.Add("oauth: connection dropped after refresh");
    }
}
