using ChatApis.Auth;
using ChatApis.Core.Tests.Support;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApis.Core.Tests.Diagnostics;

/// <summary>
/// A server that echoes the credential it was sent (in its error text, error code, request id header or
/// in a body the client cannot parse) never makes the SDK print it: Message, ToString, ErrorCode,
/// RequestId, RawBody and log lines carry "[REDACTED]" instead.
/// </summary>
public class ServerEchoedSecretTests : SimulatorTest
{
    private const string ApiKey = "sk_live_echo/ed+key_0123456789";
    private const string Token = "bearer_rotated_token_9876543210";

    private readonly CapturingLoggerProvider _logs = new();

    private sealed class KeyedOptions : ChatApiClientOptions
    {
        public string? ApiKey { get; set; }

        protected internal override IEnumerable<string?> Credentials() => [ApiKey];
    }

    private ChatApiPipeline KeyedPipeline()
    {
        var options = new KeyedOptions
        {
            ApiKey = ApiKey,
            BaseAddress = new Uri(Sim.BaseAddress, "v1/"),
            MaxRetries = 0,
        };
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        return new ChatApiPipeline(ChatApiHttp.CreateHandler(new ApiKeyHandler("X-API-Key", ApiKey)), TestVendor.Profile(), options, null, null, factory.CreateLogger("ChatApis.Test"));
    }

    private void AssertClean(ChatApiException error, string secret)
    {
        foreach (var text in new[] { error.Message, error.ToString(), error.RawBody ?? "", error.ErrorCode ?? "", error.RequestId ?? "" }.Concat(_logs.Lines))
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Replace("/", "\\/", StringComparison.Ordinal), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_api_key_echoed_in_a_401_body_error_code_and_request_id_is_redacted_everywhere()
    {
        var body = $$"""{"error":"invalid key {{ApiKey}}","message":"The key {{ApiKey.Replace("/", "\\/", StringComparison.Ordinal)}} was revoked."}""";
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(401, body, headers: new Dictionary<string, string> { ["Request-Id"] = ApiKey }));

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => KeyedPipeline().GetThingAsync(TestContext.Current.CancellationToken));

        AssertClean(error, ApiKey);
        Assert.Equal("invalid key [REDACTED]", error.ErrorCode);
        Assert.Equal("[REDACTED]", error.RequestId);
        Assert.Equal("""{"error":"invalid key [REDACTED]","message":"The key [REDACTED] was revoked."}""", error.RawBody);
        Assert.Contains("The key [REDACTED] was revoked.", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApiKey, Sim.Journal.Last.Headers["X-API-Key"]);
    }

    [Fact]
    public async Task A_plain_text_echo_past_the_raw_body_cap_is_redacted_before_it_is_cut()
    {
        // The secret straddles the 4096-character cap of RawBody: no prefix of it may survive the cut.
        var body = new string('x', ChatApiException.MaxRawBodyLength - 5) + ApiKey;
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(403, body, "text/plain"));

        var error = await Assert.ThrowsAsync<ChatApiPermissionException>(() => KeyedPipeline().GetThingAsync(TestContext.Current.CancellationToken));

        AssertClean(error, ApiKey);
        Assert.EndsWith("x[REDA", error.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bearer_token_the_options_never_held_is_learned_from_the_attempt_and_redacted()
    {
        // Like a rotated OAuth access token: only the Authorization header of the attempt carried it.
        var pipeline = TestVendor.Pipeline(Sim, o => o.MaxRetries = 0, handlers: new BearerTokenHandler(Token));
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(401, $$"""{"error":"Unauthenticated","message":"Token {{Token}} expired."}"""));

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => pipeline.GetThingAsync(TestContext.Current.CancellationToken));

        AssertClean(error, Token);
        Assert.Contains("Token [REDACTED] expired.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_an_unreadable_200_body_is_not_repeated_by_the_json_converter_in_the_inner_exception()
    {
        var pipeline = TestVendor.Pipeline(Sim, o => o.MaxRetries = 0);
        pipeline.Secrets.Keep(ApiKey);
        Sim.Faults.On("GET", "/v1/timeline").Once(Fault.Status(200, $$"""[{"id":"a","created_at":"{{ApiKey}}"}]"""));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => pipeline.GetTimelineAsync(5, null, TestContext.Current.CancellationToken));

        // The converters no longer quote the value they refuse, and the redactor would replace it if one did.
        AssertClean(error, ApiKey);
        Assert.DoesNotContain(ApiKey, error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Contains("ISO 8601", error.InnerException.Message, StringComparison.Ordinal);
    }
}
