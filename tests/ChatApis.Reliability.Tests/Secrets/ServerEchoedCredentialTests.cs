using ChatApis.AssistLoop;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Reliability.Tests.Secrets;

/// <summary>
/// A server echoes the client's own credential back (in its error text, its error code, its request id
/// header): an API key, an access token (also one that rotated), a refresh token (also a rotated one), the
/// OAuth client secret, a webhook secret. The exception's Message, ToString(), RawBody, ErrorCode and
/// RequestId and every log line of the client show "[REDACTED]" instead, and the raw body keeps its shape.
/// </summary>
public class ServerEchoedCredentialTests
{
    private static readonly DateTimeOffset Expired = ManualTimeProvider.DefaultStart.AddMinutes(-1);

    public static TheoryData<string> AllSurfaces => [.. Surfaces.All.Select(s => s.Name)];

    public static TheoryData<string> AssistLoopSurfaces => [Surfaces.AssistLoopZapier.Name, Surfaces.AssistLoopMake.Name];

    private const string Redacted = ChatApis.Safety.SecretRedactor.Mask;

    private static Dictionary<string, string> RequestId(string value) => new() { ["Request-Id"] = value, ["X-Request-Id"] = value };

    /// <summary>The credential every call of the surface carries in a header.</summary>
    private static string HeaderCredential(Surface surface) => surface switch
    {
        Surfaces.AssistLoopSurfaceDefinition => AssistLoopSimulator.AccessToken,
        Surfaces.ZipchatSurface => ZipchatSimulator.ApiKey,
        Surfaces.ChattingSurface => ChattingSimulator.ApiKey,
        _ => VertextSimulator.AccessToken,
    };

    [Theory]
    [MemberData(nameof(AllSurfaces))]
    public async Task The_api_key_or_access_token_echoed_by_a_rejection_is_redacted(string surfaceName)
    {
        await using var h = await CapturedClient.StartAsync(surfaceName);
        var secret = HeaderCredential(h.Surface);
        var call = h.Surface.Read;

        // AssistLoop answers a bad token with 401 and the client refreshes; a 403 is taken as it comes.
        var status = h.Surface is Surfaces.AssistLoopSurfaceDefinition ? 403 : 401;
        h.Sim.Faults.On(call.Method, call.Path).Once(Fault.Status(status, h.Surface.ErrorBody($"bad credential {secret}", $"The credential {secret} was rejected."), headers: RequestId(secret)));

        var error = await h.FailsWithoutLeakingAsync(() => call.Invoke(h.Client, CancellationToken.None), secret);

        Assert.Equal(status, (int)error.StatusCode!.Value);
        Assert.Equal(Redacted, error.RequestId);
        Assert.Contains($"The credential {Redacted} was rejected.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AssistLoopSurfaces))]
    public async Task A_rotated_access_token_echoed_later_is_redacted(string surfaceName)
    {
        await using var h = await CapturedClient.StartAsync(surfaceName);
        await ExpireAsync(h.AssistLoop);
        await h.Surface.Read.Invoke(h.Client, TestContext.Current.CancellationToken);
        var rotated = (await h.AssistLoop.TokenStore.GetTokensAsync(TestContext.Current.CancellationToken))!.AccessToken;
        Assert.NotEqual(AssistLoopSimulator.AccessToken, rotated);
        h.Sim.Faults.On(h.Surface.Read.Method, h.Surface.Read.Path).Once(Fault.Status(403, h.Surface.ErrorBody("forbidden", $"Token {rotated} lacks a scope.")));

        var error = await h.FailsWithoutLeakingAsync(() => h.Surface.Read.Invoke(h.Client, CancellationToken.None), rotated);

        Assert.Contains($"Token {Redacted} lacks a scope.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AssistLoopSurfaces))]
    public async Task The_refresh_token_and_client_secret_echoed_by_the_token_endpoint_are_redacted(string surfaceName)
    {
        await using var h = await CapturedClient.StartAsync(surfaceName);
        await ExpireAsync(h.AssistLoop);
        h.Sim.Faults.On("POST", "/oauth/token").Once(Fault.Status(400,
            $$"""{"error":"invalid_request","message":"refresh_token={{AssistLoopSimulator.RefreshToken}} client_secret={{AssistLoopSimulator.ClientSecret}} malformed"}"""));

        var error = await h.FailsWithoutLeakingAsync(() => h.Surface.Read.Invoke(h.Client, CancellationToken.None), AssistLoopSimulator.RefreshToken, AssistLoopSimulator.ClientSecret);

        Assert.Equal(400, (int)error.StatusCode!.Value);
        Assert.Equal($$"""{"error":"invalid_request","message":"refresh_token={{Redacted}} client_secret={{Redacted}} malformed"}""", error.RawBody);
    }

    [Theory]
    [MemberData(nameof(AssistLoopSurfaces))]
    public async Task A_rotated_refresh_token_echoed_with_invalid_grant_is_redacted(string surfaceName)
    {
        await using var h = await CapturedClient.StartAsync(surfaceName);
        await ExpireAsync(h.AssistLoop);
        await h.Surface.Read.Invoke(h.Client, TestContext.Current.CancellationToken);
        var rotated = (await h.AssistLoop.TokenStore.GetTokensAsync(TestContext.Current.CancellationToken))!.RefreshToken!;
        Assert.NotEqual(AssistLoopSimulator.RefreshToken, rotated);
        await ExpireAsync(h.AssistLoop);
        h.Sim.Faults.On("POST", "/oauth/token").Once(Fault.Status(400, $$"""{"error":"invalid_grant","message":"The refresh token {{rotated.Replace("/", "\\/", StringComparison.Ordinal)}} was revoked."}"""));

        var error = await h.FailsWithoutLeakingAsync(() => h.Surface.Read.Invoke(h.Client, CancellationToken.None), rotated);

        Assert.IsType<ChatApiReauthorizationRequiredException>(error);
        Assert.Equal("invalid_grant", error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(AssistLoopSurfaces))]
    public async Task The_client_secret_echoed_by_a_rejected_code_exchange_is_redacted(string surfaceName)
    {
        await using var h = await CapturedClient.StartAsync(surfaceName);
        h.Sim.Faults.On("POST", "/oauth/token").Once(Fault.Status(401, $$"""{"error":"invalid_client","message":"Unknown client secret {{AssistLoopSimulator.ClientSecret}}."}"""));
        var redirect = new Uri(h.Surface == Surfaces.AssistLoopMake ? AssistLoopSimulator.MakeRedirectUri : AssistLoopSimulator.ZapierRedirectUri);

        var error = await h.FailsWithoutLeakingAsync(async () => await h.AssistLoop.ExchangeCodeAsync("code_123", redirect, cancellationToken: CancellationToken.None), AssistLoopSimulator.ClientSecret);

        Assert.Equal(401, (int)error.StatusCode!.Value);
        Assert.Contains($"Unknown client secret {Redacted}.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AssistLoopSurfaces))]
    public async Task A_webhook_secret_echoed_by_a_later_error_is_redacted(string surfaceName)
    {
        await using var h = await CapturedClient.StartAsync(surfaceName);
        var (organization, agent) = h.Surface == Surfaces.AssistLoopMake
            ? (AssistLoopSimulator.MakeOrganizationUuid, AssistLoopSimulator.MakeAgentUuid)
            : (AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid);
        var subscription = await h.AssistLoop.SubscribeWebhookAsync(organization, agent, new Uri("https://hooks.example.com/catch/1"), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);
        var secret = subscription.Value.GetAssistLoopSecret()!;
        var id = subscription.Value.Id;
        var path = $"{((Surfaces.AssistLoopSurfaceDefinition)h.Surface).BasePath}webhooks/unsubscribe/{id}";
        h.Sim.Faults.On("DELETE", path).Once(Fault.Status(500, h.Surface.ErrorBody("server_error", $"Could not delete hook with secret {secret}.")));

        var error = await h.FailsWithoutLeakingAsync(async () => await h.AssistLoop.UnsubscribeWebhookAsync(id, cancellationToken: CancellationToken.None), secret);

        Assert.IsType<ChatApiServerException>(error);
        Assert.Contains($"Could not delete hook with secret {Redacted}.", error.Message, StringComparison.Ordinal);
    }

    private static async Task ExpireAsync(AssistLoopClient client)
    {
        var tokens = (await client.TokenStore.GetTokensAsync(TestContext.Current.CancellationToken))!;
        await client.TokenStore.SaveTokensAsync(tokens with { ExpiresAt = Expired }, TestContext.Current.CancellationToken);
    }
}
