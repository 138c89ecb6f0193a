using System.Diagnostics;
using ChatApis.AssistLoop;
using ChatApis.Diagnostics;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.Reliability.Tests.Telemetry;

/// <summary>
/// No credential (API key, access token, refresh token, client secret) in any activity an exporter would
/// see: tags, events, status descriptions and names of the SDK's spans and the HTTP client's spans below
/// them, on every surface, for successful calls and for failures, also when the server echoes the
/// credentials back in its error body. The echoed exceptions' own texts are checked too.
/// </summary>
public class CredentialsInTelemetryTests
{
    public static TheoryData<string> EverySurface => [.. Surfaces.All.Select(s => s.Name)];

    public static TheoryData<string> OAuthSurfaces => [Surfaces.AssistLoopZapier.Name, Surfaces.AssistLoopMake.Name];

    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task No_activity_carries_a_credential_on_success_failure_or_an_echoing_server(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        using var trace = new TraceCollector();
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { Time = clock });

        var outcomes = await MakeEveryKindOfCallAsync(surface, sim, client);

        var secrets = surface.Secrets.Concat(await RotatedTokensAsync(client)).ToList();
        Assert.Equal([null, null], outcomes.Take(2).Select(o => o?.GetType()));
        Assert.IsType<ChatApiAuthenticationException>(outcomes[2], exactMatch: false);
        Assert.IsType<ChatApiServerException>(outcomes[3]);
        Assert.IsType<ChatApiTransportException>(outcomes[4]);

        // One SDK span per call (the token refresh an AssistLoop 401 triggers adds its own), each failure marked as one.
        var sdk = trace.Sdk;
        Assert.True(sdk.Count >= outcomes.Count, $"{sdk.Count} SDK activities for {outcomes.Count} calls");
        Assert.Equal(3, sdk.Count(a => a.Status == ActivityStatusCode.Error && a.DisplayName.Contains(surface.Read.Method, StringComparison.Ordinal)));
        Assert.All(sdk, a => Assert.Equal(ActivityKind.Client, a.Kind));
        Assert.Contains(trace.Stopped, a => a.Source.Name.StartsWith("System.Net.Http", StringComparison.Ordinal));
        AssertNoCredentialIn(trace.Stopped, secrets);
        Counts.Add("telemetry: activities checked for credentials", trace.Stopped.Count);
    }

    [Theory]
    [MemberData(nameof(OAuthSurfaces))]
    public async Task No_activity_carries_a_credential_when_the_token_endpoint_echoes_the_refresh_token_and_client_secret(string surfaceName)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        using var trace = new TraceCollector();
        var (sim, client, clock) = await StartExpiredAsync(surface);
        await using var _ = sim;
        using var __ = client;
        sim.Faults.On("POST", "/oauth/token").Always(Fault.Status(400, EchoingGrantError()));

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Assert.IsType<ChatApiReauthorizationRequiredException>(error);
        var token = Assert.Single(trace.Sdk, a => a.DisplayName.Contains("oauth/token", StringComparison.Ordinal));
        Assert.Equal(ActivityStatusCode.Error, token.Status);
        AssertNoCredentialIn(trace.Stopped, surface.Secrets);
        Counts.Add("telemetry: activities checked for credentials", trace.Stopped.Count);
    }

    // The README's promise: a credential the client holds never reaches an exception text, even echoed.
    [Theory]
    [MemberData(nameof(EverySurface))]
    public async Task Exceptions_from_a_server_that_echoes_the_credentials_do_not_repeat_them(string surfaceName)
    {
        var surface = Surfaces.ByName(surfaceName);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { Time = clock });
        var errors = new List<Exception>();
        foreach (var status in new[] { 401, 500 })
        {
            sim.Faults.Clear();
            sim.Faults.On(surface.Read.Method, surface.Read.Path).Always(EchoingStatus(surface, status));
            var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));
            errors.Add(Assert.IsAssignableFrom<ChatApiException>(error));
        }

        AssertNoCredentialIn(errors, surface.Secrets.Concat(await RotatedTokensAsync(client)).ToList());
        Counts.Add("secrets: exceptions from an echoing server", errors.Count);
    }

    [Theory]
    [MemberData(nameof(OAuthSurfaces))]
    public async Task Exceptions_from_a_token_endpoint_that_echoes_the_refresh_token_do_not_repeat_it(string surfaceName)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        var (sim, client, _) = await StartExpiredAsync(surface);
        await using var __ = sim;
        using var ___ = client;
        sim.Faults.On("POST", "/oauth/token").Always(Fault.Status(400, EchoingGrantError()));

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Exception rejected = Assert.IsType<ChatApiReauthorizationRequiredException>(error);
        AssertNoCredentialIn([rejected], surface.Secrets);
        Counts.Add("secrets: exceptions from an echoing server");
    }

    private static string EchoingGrantError() =>
        $$"""{"error":"invalid_grant","message":"The refresh token {{AssistLoopSimulator.RefreshToken}} of client {{AssistLoopSimulator.ClientId}}:{{AssistLoopSimulator.ClientSecret}} is invalid."}""";

    // An error whose body repeats every credential the client holds, in the vendor's own error shape (a key of
    // another account, which the client never held, is not something it could know to hide).
    private static StatusFault EchoingStatus(Surface surface, int status) => Fault.Status(
        status,
        surface.ErrorBody("echo", $"Rejected credentials: {string.Join(" and ", surface.ClientCredentials)}"),
        surface is Surfaces.VertextSurface ? "text/plain" : "application/json");

    // A successful read and write, then a read answered 401 and 500 by a server echoing the credentials,
    // then a read whose connection is reset: the outcome of each (null for success).
    private static async Task<List<Exception?>> MakeEveryKindOfCallAsync(Surface surface, SimulatorHost sim, ChatApiClient client)
    {
        var outcomes = new List<Exception?>();
        foreach (var step in new Fault?[] { null, null, EchoingStatus(surface, 401), EchoingStatus(surface, 500), Fault.Abort() }.Select((f, i) => (Fault: f, Index: i)))
        {
            sim.Faults.Clear();
            if (step.Fault is { } fault)
            {
                sim.Faults.On(surface.Read.Method, surface.Read.Path).Always(fault);
            }

            var call = step.Index == 1 ? surface.Write : surface.Read;
            var (_, error) = await Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));
            outcomes.Add(error);
        }

        return outcomes;
    }

    private static async Task<(SimulatorHost Sim, AssistLoopClient Client, ManualTimeProvider Clock)> StartExpiredAsync(Surfaces.AssistLoopSurfaceDefinition surface)
    {
        var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var options = surface.Options(surface.ApiBase(sim), new ClientSettings { Time = clock });
        options.AccessTokenExpiresAt = clock.GetUtcNow().AddMinutes(-1);
        return (sim, new AssistLoopClient(options, clock, SecretSink.LoggerFactory), clock);
    }

    // An AssistLoop 401 makes the client refresh: the rotated pair is a credential too.
    private static async Task<IEnumerable<string>> RotatedTokensAsync(ChatApiClient client)
    {
        if (client is not AssistLoopClient assistLoop || await assistLoop.TokenStore.GetTokensAsync(TestContext.Current.CancellationToken) is not { } tokens)
        {
            return [];
        }

        SecretSink.Secret(tokens.AccessToken);
        SecretSink.Secret(tokens.RefreshToken);
        return [tokens.AccessToken, .. tokens.RefreshToken is null ? Array.Empty<string>() : [tokens.RefreshToken]];
    }

    private static void AssertNoCredentialIn(IEnumerable<Activity> activities, IEnumerable<string> credentials)
    {
        var secrets = credentials.ToList();
        var leaks = activities
            .SelectMany(a => TraceCollector.TextsOf(a).Select(text => (Activity: a.DisplayName, Text: text)))
            .SelectMany(t => secrets.Where(s => t.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"{s[..4]}*** in activity '{t.Activity}': {t.Text}"))
            .ToList();
        Assert.True(leaks.Count == 0, "Credentials in telemetry:\n" + string.Join("\n", leaks));
    }

    private static void AssertNoCredentialIn(IEnumerable<Exception> errors, IEnumerable<string> credentials)
    {
        var secrets = credentials.ToList();
        var leaks = errors
            .SelectMany(e => new[] { ("Message", e.Message), ("ToString", e.ToString()), ("RawBody", (e as ChatApiException)?.RawBody ?? "") }.Select(t => (Error: e.GetType().Name, Where: t.Item1, Text: t.Item2)))
            .SelectMany(t => secrets.Where(s => t.Text.Contains(s, StringComparison.Ordinal)).Select(s => $"{s[..4]}*** in {t.Error}.{t.Where}"))
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, "Credentials in exception texts:\n" + string.Join("\n", leaks));
    }
}
