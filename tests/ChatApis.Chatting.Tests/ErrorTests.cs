using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

public sealed class ErrorTests : ChattingTestBase
{
    public static IEnumerable<object[]> DocumentedCodes =>
    [
        ["api-key-missing", 401, typeof(ChatApiAuthenticationException)],
        ["api-key-invalid", 401, typeof(ChatApiAuthenticationException)],
        ["invalid-subscription", 400, typeof(ChatApiValidationException)],
        ["missing-email", 400, typeof(ChatApiValidationException)],
        ["workspace-site-missing", 409, typeof(ChatApiConflictException)],
        ["contact-not-found", 404, typeof(ChatApiNotFoundException)],
        ["contact-site-forbidden", 403, typeof(ChatApiPermissionException)],
        ["contact-save-failed", 500, typeof(ChatApiServerException)],
        ["missing-tag", 400, typeof(ChatApiValidationException)],
        ["missing-message", 400, typeof(ChatApiValidationException)],
        ["not-found", 404, typeof(ChatApiNotFoundException)],
        ["idempotency-key-conflict", 409, typeof(ChatApiConflictException)],
        ["subscription-save-failed", 500, typeof(ChatApiServerException)],
    ];

    [Theory]
    [MemberData(nameof(DocumentedCodes))]
    public async Task Every_documented_code_maps_to_its_exception_and_code(string code, int status, Type exceptionType)
    {
        var client = CreateClient(maxRetries: 0);
        Sim.Faults.On("POST", "/api/zapier/contacts").Once(Fault.Status(status, $$"""{"ok":false,"error":"{{code}}"}""", headers: new Dictionary<string, string> { ["X-Request-Id"] = "req_42" }));

        var error = await Assert.ThrowsAnyAsync<ChatApiException>(() => client.CreateContactAsync(new ChattingNewContact("a@example.com"), cancellationToken: Ct));

        Assert.IsType(exceptionType, error);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(new ChattingErrorCode(code), error.GetChattingErrorCode());
        Assert.Equal((HttpStatusCode)status, error.GetChattingErrorCode()!.Value.DocumentedStatus);
        Assert.Equal("req_42", error.RequestId);
        Assert.Equal("Chatting", error.Vendor);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Contains("req_42", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ChattingSimulator.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_known_codes_are_exactly_the_documented_ones_with_their_statuses()
    {
        Assert.Equal(
            DocumentedCodes.Select(row => ((string)row[0], (HttpStatusCode)(int)row[1])),
            ChattingErrorCode.Known.Select(c => (c.Value, c.DocumentedStatus!.Value)));
        Assert.Equal(ChattingErrorCode.Known, ChattingErrorCode.KnownValues);
    }

    [Fact]
    public void Every_documented_code_and_an_unknown_one_read_back_from_an_exception()
    {
        foreach (var code in ChattingErrorCode.KnownValues)
        {
            var error = new ChatApiConflictException("failed", new ChatApiErrorDetails(code.DocumentedStatus, code.Value, Vendor: "Chatting"));
            Assert.Equal(code, error.GetChattingErrorCode());
        }

        var unknown = new ChatApiValidationException("failed", new ChatApiErrorDetails(HttpStatusCode.BadRequest, "rate-limited", Vendor: "Chatting"));
        Assert.Equal(new ChattingErrorCode("rate-limited"), unknown.GetChattingErrorCode());
        Assert.Null(unknown.GetChattingErrorCode()!.Value.DocumentedStatus);
        Assert.Null(new ChatApiServerException("failed", new ChatApiErrorDetails(HttpStatusCode.BadGateway, Vendor: "Chatting")).GetChattingErrorCode());
    }

    [Fact]
    public async Task The_documented_api_key_missing_body_maps_to_an_authentication_error()
    {
        Sim.Faults.On("GET", "/api/zapier/me").Once(Fault.Status(401, Fixture("error-api-key-missing.json")));

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => Client.GetMeAsync(cancellationToken: Ct));

        Assert.Equal(ChattingErrorCode.ApiKeyMissing, error.GetChattingErrorCode());
        Assert.Equal(Fixture("error-api-key-missing.json"), error.RawBody);
    }

    [Fact]
    public async Task An_unknown_code_still_surfaces_with_its_text()
    {
        Sim.Faults.On("POST", "/api/zapier/contacts/contact_123/tags").Once(Fault.Status(422, """{"ok":false,"error":"tag-limit-reached"}"""));

        var error = await Assert.ThrowsAsync<ChatApiValidationException>(() => Client.AddContactTagAsync("contact_123", "one-too-many", cancellationToken: Ct));

        Assert.Equal("tag-limit-reached", error.ErrorCode);
        var code = error.GetChattingErrorCode();
        Assert.Equal("tag-limit-reached", code!.Value.Value);
        Assert.Null(code.Value.DocumentedStatus);
        Assert.DoesNotContain(code.Value, ChattingErrorCode.Known);
        Assert.Contains("tag-limit-reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxy_page_has_no_chatting_code()
    {
        var client = CreateClient(maxRetries: 0);
        Sim.Faults.On("GET", "/api/zapier/me").Once(Fault.Html(502));

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => client.GetMeAsync(cancellationToken: Ct));

        Assert.Null(error.GetChattingErrorCode());
    }

    [Fact]
    public async Task The_simulator_itself_answers_each_code_it_can_reach_through_the_client()
    {
        var noSite = CreateClient(ChattingSimulator.NoSiteApiKey);
        var wrongKey = CreateClient("not-a-real-key");
        var once = CreateClient(maxRetries: 0);
        Sim.FailNextContactCreate("contact-save-failed");
        Sim.FailNextSubscribe();

        var seen = new List<(ChattingErrorCode?, HttpStatusCode?)>
        {
            await Code(() => wrongKey.GetMeAsync(cancellationToken: Ct)),
            await Code(() => Client.SubscribeWebhookAsync(new ChattingEvent("visitor.left"), new Uri("https://example.com/hook"), cancellationToken: Ct)),
            await Code(() => noSite.CreateContactAsync(new ChattingNewContact("a@example.com"), cancellationToken: Ct)),
            await Code(() => once.CreateContactAsync(new ChattingNewContact("a@example.com"), cancellationToken: Ct)),
            await Code(() => Client.AddContactTagAsync(ChattingSimulator.ForeignContactId, "vip", cancellationToken: Ct)),
            await Code(() => Client.SendMessageAsync("conv_nope", "Hi", cancellationToken: Ct)),
            await Code(() => once.SubscribeWebhookAsync(ChattingEvent.TagAdded, new Uri("https://example.com/hook"), cancellationToken: Ct)),
        };
        Sim.FailNextContactCreate("contact-not-found");
        seen.Add(await Code(() => Client.CreateContactAsync(new ChattingNewContact("b@example.com"), cancellationToken: Ct)));

        Assert.Equal(
            [
                (ChattingErrorCode.ApiKeyInvalid, HttpStatusCode.Unauthorized),
                (ChattingErrorCode.InvalidSubscription, HttpStatusCode.BadRequest),
                (ChattingErrorCode.WorkspaceSiteMissing, HttpStatusCode.Conflict),
                (ChattingErrorCode.ContactSaveFailed, HttpStatusCode.InternalServerError),
                (ChattingErrorCode.ContactSiteForbidden, HttpStatusCode.Forbidden),
                (ChattingErrorCode.NotFound, HttpStatusCode.NotFound),
                (ChattingErrorCode.SubscriptionSaveFailed, HttpStatusCode.InternalServerError),
                (ChattingErrorCode.ContactNotFound, HttpStatusCode.NotFound),
            ],
            seen);
    }

    private static async Task<(ChattingErrorCode?, HttpStatusCode?)> Code(Func<Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<ChatApiException>(call);
        return (error.GetChattingErrorCode(), error.StatusCode);
    }
}
