using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.Reliability.Tests.OAuth;

/// <summary>
/// A token endpoint that answers 200 with a body it should not send. A body without usable tokens is a
/// typed error that leaves the store alone and sends nothing with them; a body with usable tokens and odd
/// fields around them is accepted and saved, because its rotated refresh token is the only one that works.
/// </summary>
public class HostileTokenResponseTests
{
    private const int MaxResponseBytes = 64 * 1024;

    private static readonly DateTimeOffset Expired = ManualTimeProvider.DefaultStart.AddMinutes(-1);

    // Looked up by name, so the test list stays readable (and the large bodies stay out of it).
    private static readonly Dictionary<string, string> UnusableBodies = new(StringComparer.Ordinal)
    {
        ["missing access_token"] = """{"token_type":"Bearer","expires_in":3600,"refresh_token":"def50200_hostile"}""",
        ["access_token null"] = """{"token_type":"Bearer","expires_in":3600,"access_token":null,"refresh_token":"def50200_hostile"}""",
        ["access_token a number"] = """{"token_type":"Bearer","expires_in":3600,"access_token":12345,"refresh_token":"def50200_hostile"}""",
        ["access_token an object"] = """{"token_type":"Bearer","expires_in":3600,"access_token":{"value":"x"},"refresh_token":"def50200_hostile"}""",
        ["access_token with CR LF"] = """{"token_type":"Bearer","expires_in":3600,"access_token":"al_at_x\r\nX-Injected: yes","refresh_token":"def50200_hostile"}""",
        ["access_token with a space"] = """{"token_type":"Bearer","expires_in":3600,"access_token":"al_at_x Bearer y","refresh_token":"def50200_hostile"}""",
        ["access_token of 40 KB"] = $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"{{new string('a', 40_000)}}","refresh_token":"def50200_hostile"}""",
        ["refresh_token an array"] = """{"token_type":"Bearer","expires_in":3600,"access_token":"al_at_x","refresh_token":["def50200_hostile"]}""",
        ["refresh_token with a NUL"] = """{"token_type":"Bearer","expires_in":3600,"access_token":"al_at_x","refresh_token":"def\u0000hostile"}""",
        ["body null"] = "null",
        ["body an array"] = "[]",
        ["body a string"] = "\"al_at_x\"",
        ["body not JSON"] = "access_token=al_at_x&refresh_token=def50200_hostile",
        ["body truncated"] = """{"token_type":"Bearer","access_token":"al_at_x","refresh""",
        ["body larger than MaxResponseBytes"] = $$"""{"access_token":"al_at_x","refresh_token":"def50200_hostile","padding":"{{new string('p', MaxResponseBytes)}}"}""",
    };

    public static TheoryData<string, string> UnusableCases => Cross(UnusableBodies.Keys);

    // Usable tokens with odd fields around them: {access} and {refresh} become a pair the simulator issued.
    // The expected lifetime in seconds (null: unknown) and token_type follow the body.
    private static readonly Dictionary<string, (string Body, double? Seconds, string? TokenType)> OddButUsableBodies = new(StringComparer.Ordinal)
    {
        ["expires_in 1e14"] = ("""{"token_type":"Bearer","expires_in":1e14,"access_token":"{access}","refresh_token":"{refresh}"}""", 31_536_000, "Bearer"),
        ["expires_in 10^14 as an integer"] = ("""{"token_type":"Bearer","expires_in":100000000000000,"access_token":"{access}","refresh_token":"{refresh}"}""", 31_536_000, "Bearer"),
        ["expires_in negative"] = ("""{"token_type":"Bearer","expires_in":-3600,"access_token":"{access}","refresh_token":"{refresh}"}""", null, "Bearer"),
        ["expires_in zero"] = ("""{"token_type":"Bearer","expires_in":0,"access_token":"{access}","refresh_token":"{refresh}"}""", null, "Bearer"),
        ["expires_in a word"] = ("""{"token_type":"Bearer","expires_in":"one hour","access_token":"{access}","refresh_token":"{refresh}"}""", null, "Bearer"),
        ["expires_in a numeric string"] = ("""{"token_type":"Bearer","expires_in":"7200","access_token":"{access}","refresh_token":"{refresh}"}""", 7200, "Bearer"),
        ["expires_in an object"] = ("""{"token_type":"Bearer","expires_in":{"s":1},"access_token":"{access}","refresh_token":"{refresh}"}""", null, "Bearer"),
        ["token_type mac"] = ("""{"token_type":"mac","expires_in":3600,"access_token":"{access}","refresh_token":"{refresh}"}""", 3600, "mac"),
        ["token_type lower case"] = ("""{"token_type":"bearer","expires_in":3600,"access_token":"{access}","refresh_token":"{refresh}"}""", 3600, "bearer"),
        ["token_type a number"] = ("""{"token_type":7,"expires_in":3600,"access_token":"{access}","refresh_token":"{refresh}"}""", 3600, null),
        ["token_type missing"] = ("""{"expires_in":3600,"access_token":"{access}","refresh_token":"{refresh}"}""", 3600, null),
        ["unknown fields"] = ("""{"token_type":"Bearer","expires_in":3600,"access_token":"{access}","refresh_token":"{refresh}","id_token":{"a":[1,2]},"scope":5}""", 3600, "Bearer"),
    };

    public static TheoryData<string, string> OddButUsableCases => Cross(OddButUsableBodies.Keys);

    private static TheoryData<string, string> Cross(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var name in names)
        {
            data.Add(Surfaces.AssistLoopZapier.Name, name);
            data.Add(Surfaces.AssistLoopMake.Name, name);
        }

        return data;
    }

    private static async Task<(AssistLoopSimulator Sim, AssistLoopClient Client, Surfaces.AssistLoopSurfaceDefinition Surface, InMemoryTokenStore Store)> StartAsync(string surfaceName, ManualTimeProvider clock)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        var sim = (AssistLoopSimulator)surface.CreateSimulator(clock);
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var options = surface.Options(surface.ApiBase(sim), new ClientSettings { Time = clock, MaxRetries = 0, MaxResponseBytes = MaxResponseBytes });
        var store = new InMemoryTokenStore(new OAuthTokens(AssistLoopSimulator.AccessToken, AssistLoopSimulator.RefreshToken, Expired));
        options.TokenStore = store;
        return (sim, new AssistLoopClient(options, clock, SecretSink.LoggerFactory), surface, store);
    }

    [Theory]
    [MemberData(nameof(UnusableCases))]
    public async Task A_200_without_usable_tokens_is_a_typed_error_that_leaves_the_store_alone_and_sends_nothing_with_them(string surfaceName, string name)
    {
        var clock = new ManualTimeProvider();
        var (sim, client, surface, store) = await StartAsync(surfaceName, clock);
        await using var _ = sim;
        using var __ = client;
        var before = await store.GetTokensAsync(TestContext.Current.CancellationToken);
        sim.Faults.On("POST", "/oauth/token").Once(Fault.Status(200, UnusableBodies[name]));

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        var typed = Assert.IsType<ChatApiInvalidResponseException>(error);
        Assert.Equal("AssistLoop", typed.Vendor);
        Assert.Same(before, await store.GetTokensAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, store.SaveCount);
        Assert.False(client.HasUnsavedTokens);
        Assert.Equal(["POST /oauth/token"], sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Counts.Add("oauth: hostile 200 token bodies");
    }

    [Theory]
    [MemberData(nameof(OddButUsableCases))]
    public async Task A_200_with_usable_tokens_and_odd_fields_is_used_and_its_rotated_pair_saved(string surfaceName, string name)
    {
        var clock = new ManualTimeProvider();
        var (sim, client, surface, store) = await StartAsync(surfaceName, clock);
        await using var _ = sim;
        using var __ = client;
        var issued = sim.IssueTokens();
        SecretSink.Secret(issued.AccessToken);
        SecretSink.Secret(issued.RefreshToken);
        var (template, seconds, tokenType) = OddButUsableBodies[name];
        sim.Faults.On("POST", "/oauth/token").Once(Fault.Status(200, template.Replace("{access}", issued.AccessToken, StringComparison.Ordinal).Replace("{refresh}", issued.RefreshToken, StringComparison.Ordinal)));

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Assert.Null(error);
        var saved = await store.GetTokensAsync(TestContext.Current.CancellationToken);
        Assert.NotNull(saved);
        Assert.Equal(issued.AccessToken, saved.AccessToken);
        Assert.Equal(issued.RefreshToken, saved.RefreshToken);
        Assert.Equal(seconds is { } s ? clock.GetUtcNow() + TimeSpan.FromSeconds(s) : null, saved.ExpiresAt);
        Assert.Equal(tokenType, saved.TokenType);
        Assert.Null(saved.Scope);
        Assert.Equal(1, store.SaveCount);
        Assert.Equal("Bearer " + issued.AccessToken, sim.Journal.Last.Headers["Authorization"].ToString());
        Assert.Equal(["POST /oauth/token", $"{surface.Read.Method} {surface.Read.Path}"], sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Counts.Add("oauth: hostile 200 token bodies");
    }
}
