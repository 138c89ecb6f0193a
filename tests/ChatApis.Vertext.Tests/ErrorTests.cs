using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Vertext;

namespace ChatApis.Vertext.Tests;

public class ErrorTests : VertextTestBase
{
    [Fact]
    public async Task The_simulator_answers_a_missing_header_with_400_and_a_bad_token_with_401_in_plain_text()
    {
        using var raw = new HttpClient { BaseAddress = Sim.BaseAddress };
        using var missing = await raw.GetAsync(new Uri("chatbots/list", UriKind.Relative), cancellationToken: TestContext.Current.CancellationToken);
        using var bad = new HttpRequestMessage(HttpMethod.Get, "chatbots/list") { Headers = { { "Authorization", "Bearer nope" } } };
        using var invalid = await raw.SendAsync(bad, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("text/plain", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid.StatusCode);
    }

    [Fact]
    public async Task A_bad_token_is_a_clear_authentication_error()
    {
        using var client = NewClient("expired-token");

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("token_invalid", error.ErrorCode);
        Assert.Equal(VertextErrorCode.TokenInvalid, error.GetVertextErrorCode());
        Assert.Contains("access token is expired or invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("Unauthorized: the access token is invalid or expired.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("expired-token", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_400_about_the_header_is_a_distinct_authentication_error()
    {
        Sim.Faults.On("GET", "/chatbots/list").Once(Fault.Status(400, "Missing Authorization header.", "text/plain"));

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => Client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("authorization_missing", error.ErrorCode);
        Assert.Equal(VertextErrorCode.AuthorizationMissing, error.GetVertextErrorCode());
        Assert.Contains("Authorization header was missing or malformed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_400_stays_a_validation_error()
    {
        Sim.Faults.On("GET", "/chatbots/list").Once(Fault.Status(400, "per_page is too large.", "text/plain"));

        var error = await Assert.ThrowsAsync<ChatApiValidationException>(() => Client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("per_page is too large.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_with_a_plain_text_body_is_retried_for_a_read_then_surfaces_the_text()
    {
        Sim.Faults.On("GET", "/chatbots/list").Always(Fault.Status(500, "Internal Server Error: please report this.", "text/plain"));

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => Client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("please report this", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, Sim.Journal.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public async Task A_read_failing_every_time_is_sent_exactly_MaxRetries_plus_one_times(int maxRetries)
    {
        // The default's four attempts are pinned above; this counts them for other settings, so one retry
        // too many (or too few) shows whatever the default is.
        Sim.Faults.On("GET", "/chatbots/list").Always(Fault.Status(503, "Service Unavailable", "text/plain"));
        using var client = new VertextClient(new VertextClientOptions
        {
            AccessToken = VertextSimulator.AccessToken,
            BaseAddress = Sim.BaseAddress,
            MaxRetries = maxRetries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        });

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(maxRetries + 1, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("GET /chatbots/list", $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task Creating_a_subscription_is_not_retried_after_a_500_because_it_may_have_been_created()
    {
        Sim.Faults.On("POST", "/chatbots/*").Once(Fault.Status(500, "boom", "text/plain"));

        await Assert.ThrowsAsync<ChatApiServerException>(() => Client.SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, new Uri("https://hooks.zapier.com/x"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public void Every_documented_error_code_reads_back_from_an_exception()
    {
        Assert.Equal(["authorization_missing", "token_invalid"], VertextErrorCode.KnownValues.Select(c => c.Value));
        foreach (var code in VertextErrorCode.KnownValues)
        {
            var error = new ChatApiAuthenticationException("failed", new ChatApiErrorDetails(HttpStatusCode.Unauthorized, code.Value, Vendor: "Vertext"));
            Assert.Equal(code, error.GetVertextErrorCode());
        }
    }

    [Fact]
    public void An_unknown_code_is_kept_and_no_code_reads_as_null()
    {
        var unknown = new ChatApiValidationException("failed", new ChatApiErrorDetails(HttpStatusCode.BadRequest, "quota_exceeded", Vendor: "Vertext"));
        var none = new ChatApiNotFoundException("failed", new ChatApiErrorDetails(HttpStatusCode.NotFound, Vendor: "Vertext"));

        Assert.Equal(new VertextErrorCode("quota_exceeded"), unknown.GetVertextErrorCode());
        Assert.DoesNotContain(unknown.GetVertextErrorCode()!.Value, VertextErrorCode.KnownValues);
        Assert.Null(none.GetVertextErrorCode());
    }

    [Fact]
    public async Task A_404_carries_no_code()
    {
        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.GetContactsPageAsync(VertextSimulator.ForeignChatbotId, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(error.GetVertextErrorCode());
    }
}
