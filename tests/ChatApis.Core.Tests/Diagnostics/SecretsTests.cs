using ChatApis.Auth;
using ChatApis.Auth.OAuth;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApis.Core.Tests.Diagnostics;

/// <summary>Every log line and exception message of a run full of failures holds no credential.</summary>
public class SecretsTests : SimulatorTest
{
    private const string ApiKey = "sk_live_TOPSECRET_apikey_0123456789";

    [Fact]
    public async Task Logs_and_exception_messages_never_contain_a_token_or_key()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var logger = factory.CreateLogger("ChatApis.Test");
        var messages = new List<string>();

        // An API-key client through a retry, a 401 and a dropped connection.
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503)).Then(Fault.Status(401, """{"error":"Unauthenticated","message":"bad key"}"""));
        var keyed = TestVendor.Pipeline(Sim, logger: logger, handlers: new ApiKeyHandler("X-API-Key", ApiKey));
        messages.Add((await Assert.ThrowsAnyAsync<ChatApiException>(() => keyed.GetThingAsync(TestContext.Current.CancellationToken))).ToString());
        Sim.Faults.On("POST", "/v1/things").Once(Fault.DropResponseAfterProcessing());
        messages.Add((await Assert.ThrowsAnyAsync<ChatApiException>(() => keyed.CreateThingAsync("n", TestContext.Current.CancellationToken))).ToString());

        // An OAuth client through a refresh, then a failing refresh.
        Sim.ExpireAccessToken();
        var store = new InMemoryTokenStore(new OAuthTokens("access-0", "refresh-0", DateTimeOffset.UtcNow.AddHours(1)));
        var manager = new OAuthTokenManager(store, new TestRefresher(TestVendor.Pipeline(Sim, logger: logger), TimeProvider.System), "Test", logger: logger);
        var oauth = TestVendor.Pipeline(Sim, logger: logger, handlers: new OAuthHandler(manager, "Test", logger));
        await oauth.GetSecureAsync(TestContext.Current.CancellationToken);
        Sim.ExpireAccessToken();
        Sim.RejectRefresh = true;
        messages.Add((await Assert.ThrowsAnyAsync<ChatApiException>(() => oauth.GetSecureAsync(TestContext.Current.CancellationToken))).ToString());

        var everything = capture.Lines.Concat(messages).ToList();
        Assert.Contains(capture.Lines, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.Contains(capture.Lines, l => l.Contains("refreshed", StringComparison.Ordinal));
        foreach (var secret in new[] { ApiKey, "TOPSECRET", "access-0", "access-1", "refresh-0", "refresh-1" })
        {
            Assert.DoesNotContain(everything, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }
}
