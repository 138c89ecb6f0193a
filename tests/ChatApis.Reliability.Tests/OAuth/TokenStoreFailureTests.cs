using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Core.Tests.Auth;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.Reliability.Tests.OAuth;

/// <summary>
/// AssistLoop rotates the refresh token on every refresh, so a token store that fails at the wrong moment
/// used to disconnect the account. These cases run the rotation against the simulator with a store that
/// throws on save, throws on read, or hangs.
/// </summary>
public class TokenStoreFailureTests
{
    public static TheoryData<string> Both => [Surfaces.AssistLoopZapier.Name, Surfaces.AssistLoopMake.Name];

    private static readonly DateTimeOffset Expired = ManualTimeProvider.DefaultStart.AddMinutes(-1);

    private static UnreliableTokenStore SeededStore() =>
        new(new OAuthTokens(AssistLoopSimulator.AccessToken, AssistLoopSimulator.RefreshToken, Expired));

    private static async Task<(AssistLoopSimulator Sim, Surfaces.AssistLoopSurfaceDefinition Surface)> StartSimulatorAsync(string surfaceName, ManualTimeProvider clock)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        var sim = (AssistLoopSimulator)surface.CreateSimulator(clock);
        await sim.StartAsync(TestContext.Current.CancellationToken);
        return (sim, surface);
    }

    private static AssistLoopClient Client(AssistLoopSimulator sim, Surfaces.AssistLoopSurfaceDefinition surface, TimeProvider clock, ITokenStore store)
    {
        var options = surface.Options(surface.ApiBase(sim), new ClientSettings { Time = clock, MaxRetries = 0 });
        options.TokenStore = store;
        return new AssistLoopClient(options, clock, SecretSink.LoggerFactory);
    }

    private static async Task CallAsync(AssistLoopClient client, Surfaces.AssistLoopSurfaceDefinition surface)
    {
        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));
        Assert.Null(error);
    }

    private static string[] BearersSent(AssistLoopSimulator sim, Surfaces.AssistLoopSurfaceDefinition surface) =>
        [.. sim.Journal.Where(surface.Read.Method, surface.Read.Path).Select(r => r.Headers["Authorization"].ToString())];

    private static OAuthTokens Observed(OAuthTokens? tokens)
    {
        Assert.NotNull(tokens);
        SecretSink.Secret(tokens.AccessToken);
        SecretSink.Secret(tokens.RefreshToken);
        return tokens;
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_store_that_throws_on_save_loses_no_rotated_pair_and_fails_no_call(string surfaceName)
    {
        var clock = new ManualTimeProvider();
        var (sim, surface) = await StartSimulatorAsync(surfaceName, clock);
        await using var _ = sim;
        var store = SeededStore();
        store.FailSaves = true;
        using var client = Client(sim, surface, clock, store);

        for (var i = 0; i < 5; i++)
        {
            await CallAsync(client, surface);
        }

        // Every call succeeded on the rotated pair held in memory; the store still has the dead one.
        Assert.Equal(1, sim.RefreshCount);
        Assert.True(client.HasUnsavedTokens);
        Assert.Equal(AssistLoopSimulator.RefreshToken, store.Held!.RefreshToken);
        Assert.False(sim.IsRefreshTokenValid(AssistLoopSimulator.RefreshToken));
        var bearer = Assert.Single(BearersSent(sim, surface).Distinct());
        Assert.NotEqual("Bearer " + AssistLoopSimulator.AccessToken, bearer);
        Assert.Equal(5, BearersSent(sim, surface).Length);
        Assert.Equal(5, store.SaveAttempts); // the refresh's save, then one retry per later call

        store.FailSaves = false;
        await CallAsync(client, surface);

        Assert.False(client.HasUnsavedTokens);
        var saved = Observed(store.Held);
        Assert.Equal(bearer, "Bearer " + saved.AccessToken);
        Assert.True(sim.IsRefreshTokenValid(saved.RefreshToken!));
        Assert.Equal("Bearer", saved.TokenType);
        Assert.Equal(clock.GetUtcNow().AddSeconds(sim.TokenLifetimeSeconds), saved.ExpiresAt);

        // A restarted process over the same store keeps the connection, with no further refresh.
        using var restarted = Client(sim, surface, clock, store);
        await CallAsync(restarted, surface);
        Assert.Equal(1, sim.RefreshCount);
        Assert.Equal(bearer, BearersSent(sim, surface)[^1]);
        Counts.Add("oauth: failing token store");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_store_that_throws_on_read_falls_back_to_the_pair_in_memory(string surfaceName)
    {
        var clock = new ManualTimeProvider();
        var (sim, surface) = await StartSimulatorAsync(surfaceName, clock);
        await using var _ = sim;
        var store = SeededStore();
        using var client = Client(sim, surface, clock, store);
        await CallAsync(client, surface);
        var saved = Observed(store.Held);

        store.FailReads = true;
        for (var i = 0; i < 3; i++)
        {
            await CallAsync(client, surface);
        }

        Assert.Equal(1, sim.RefreshCount);
        Assert.Equal(Enumerable.Repeat("Bearer " + saved.AccessToken, 4), BearersSent(sim, surface));
        Assert.False(client.HasUnsavedTokens);
        Counts.Add("oauth: failing token store");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_store_that_throws_on_read_with_nothing_in_memory_is_a_typed_error_and_nothing_is_sent(string surfaceName)
    {
        var clock = new ManualTimeProvider();
        var (sim, surface) = await StartSimulatorAsync(surfaceName, clock);
        await using var _ = sim;
        var store = SeededStore();
        store.FailReads = true;
        using var client = Client(sim, surface, clock, store);

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        var typed = Assert.IsType<ChatApiTokenStoreException>(error);
        Assert.IsType<IOException>(typed.InnerException);
        Assert.Equal("AssistLoop", typed.Vendor);
        Assert.Equal(0, sim.Journal.Count);
        Assert.True(sim.IsRefreshTokenValid(AssistLoopSimulator.RefreshToken));
        Counts.Add("oauth: failing token store");
    }

    [Theory]
    [MemberData(nameof(Both))]
    public async Task A_slow_store_holds_the_new_token_back_until_saved_and_a_stuck_one_for_at_most_the_save_timeout(string surfaceName)
    {
        var manual = new ManualTimeProvider();
        var clock = new TimerWatchingClock(manual, TimeSpan.FromSeconds(10));
        var (sim, surface) = await StartSimulatorAsync(surfaceName, manual);
        await using var _ = sim;
        var store = SeededStore();
        store.SaveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var client = Client(sim, surface, clock, store);

        var calls = Enumerable.Range(0, 10).Select(_ => Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None))).ToList();
        await clock.Created.Task.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);

        // The save has not answered: nobody uses the rotated access token yet.
        Assert.Equal(1, sim.RefreshCount);
        Assert.Empty(BearersSent(sim, surface));
        Assert.All(calls, c => Assert.False(c.IsCompleted));

        // It never answers within the save timeout: the calls go on with the pair from memory.
        manual.Advance(TimeSpan.FromSeconds(10));
        var results = await Task.WhenAll(calls);
        Assert.All(results, r => Assert.Null(r.Error));
        var bearer = Assert.Single(BearersSent(sim, surface).Distinct());
        Assert.Equal(10, BearersSent(sim, surface).Length);
        Assert.True(client.HasUnsavedTokens);
        Assert.Equal(1, store.SaveAttempts);

        // The stuck save finally lands; the next call sees the store holds the pair.
        store.SaveGate.SetResult();
        await store.SaveFinished.Task.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        await CallAsync(client, surface);
        Assert.False(client.HasUnsavedTokens);
        var saved = Observed(store.Held);
        Assert.Equal(bearer, "Bearer " + saved.AccessToken);
        Assert.True(sim.IsRefreshTokenValid(saved.RefreshToken!));
        Assert.Equal(1, store.SaveAttempts);
        Assert.Equal(1, sim.RefreshCount);
        Counts.Add("oauth: failing token store");
    }
}
