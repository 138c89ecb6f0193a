using System.Net;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.Chatting;

// "Common error codes" in the documented error shape {"ok": false, "error": "<code>"}. The document
// gives a status only for api-key-missing (401); the others' statuses are the API notes' [src] ones.
public sealed partial class ChattingContractTests
{
    private const string ConflictingKey = "0b0e6a45-92b4-4da0-b0a9-6e612a8d02fa";

    [Theory]
    [CoversEndpointArgument(Aspect.Errors)]
    [InlineData("GET /api/zapier/me", "api-key-invalid", 401)]
    [InlineData("POST /api/zapier/webhooks/subscribe", "invalid-subscription", 400)]
    [InlineData("POST /api/zapier/webhooks/subscribe", "subscription-save-failed", 500)]
    [InlineData("DELETE /api/zapier/webhooks/{id}", "not-found", 404)]
    [InlineData("GET /api/zapier/conversations", "api-key-missing", 401)]
    [InlineData("GET /api/zapier/contacts", "api-key-invalid", 401)]
    [InlineData("POST /api/zapier/contacts", "missing-email", 400)]
    [InlineData("POST /api/zapier/contacts", "workspace-site-missing", 409)]
    [InlineData("POST /api/zapier/contacts", "contact-not-found", 404)]
    [InlineData("POST /api/zapier/contacts", "contact-site-forbidden", 403)]
    [InlineData("POST /api/zapier/contacts", "contact-save-failed", 500)]
    [InlineData("POST /api/zapier/contacts", "idempotency-key-conflict", 409)]
    [InlineData("POST /api/zapier/contacts/{id}/tags", "missing-tag", 400)]
    [InlineData("POST /api/zapier/contacts/{id}/tags", "not-found", 404)]
    [InlineData("POST /api/zapier/contacts/{id}/tags", "idempotency-key-conflict", 409)]
    [InlineData("POST /api/zapier/conversations/{id}/messages", "missing-message", 400)]
    [InlineData("POST /api/zapier/conversations/{id}/messages", "not-found", 404)]
    [InlineData("POST /api/zapier/conversations/{id}/messages", "idempotency-key-conflict", 409)]
    public async Task Each_documented_error_code_is_its_typed_exception_carrying_the_code(string endpoint, string code, int status)
    {
        var body = $$"""{"ok": false, "error": "{{code}}"}""";
        var (request, call) = EndpointCall(endpoint);
        var stub = _wire.Expect(request, Reply.Json(status, body));

        var error = Assert.IsAssignableFrom<ChatApiException>(await _wire.FailsAsync(call, stub));

        Assert.IsType(
            status switch
            {
                400 => typeof(ChatApiValidationException),
                401 => typeof(ChatApiAuthenticationException),
                403 => typeof(ChatApiPermissionException),
                404 => typeof(ChatApiNotFoundException),
                409 => typeof(ChatApiConflictException),
                _ => typeof(ChatApiServerException),
            },
            error,
            exactMatch: true);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(new ChattingErrorCode(code), error.GetChattingErrorCode());
        Assert.Equal((HttpStatusCode)status, new ChattingErrorCode(code).DocumentedStatus);
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        Assert.Null(error.RequestId);
        Assert.Equal("Chatting", error.Vendor);
        Assert.Equal(body, error.RawBody);
    }

    private (ExpectedRequest Request, Func<CancellationToken, Task> Call) EndpointCall(string endpoint) => endpoint switch
    {
        "GET /api/zapier/me" => (Get("/me"), ct => Client().GetMeAsync(cancellationToken: ct)),
        "POST /api/zapier/webhooks/subscribe" => (
            Post("/webhooks/subscribe").Json(Doc("trigger-subscriptions.subscribe.request.json")),
            ct => Client().SubscribeWebhookAsync(ChattingEvent.ConversationCreated, new Uri("https://hooks.zapier.com/hooks/catch/123/abc"), cancellationToken: ct)),
        "DELETE /api/zapier/webhooks/{id}" => (Delete("/webhooks/wh_123"), ct => Client().UnsubscribeWebhookAsync("wh_123", cancellationToken: ct)),
        "GET /api/zapier/conversations" => (Get("/conversations"), ct => Client().GetRecentConversationTriggersAsync(cancellationToken: ct)),
        "GET /api/zapier/contacts" => (Get("/contacts"), ct => Client().GetRecentContactTriggersAsync(cancellationToken: ct)),
        "POST /api/zapier/contacts" => (
            Post("/contacts").Json("""{"email": "lead@example.com"}""").Header("Idempotency-Key", ConflictingKey),
            ct => Client().CreateContactAsync(new ChattingNewContact("lead@example.com"), new RequestOptions { IdempotencyKey = ConflictingKey }, ct)),
        "POST /api/zapier/contacts/{id}/tags" => (
            Post("/contacts/contact_123/tags").Json(Doc("action-endpoints.add-tag.request.json")).Header("Idempotency-Key", ConflictingKey),
            ct => Client().AddContactTagAsync("contact_123", "vip", new RequestOptions { IdempotencyKey = ConflictingKey }, ct)),
        "POST /api/zapier/conversations/{id}/messages" => (
            Post("/conversations/conv_123/messages").Json(Doc("action-endpoints.send-message.request.json")).Header("Idempotency-Key", ConflictingKey),
            ct => Client().SendMessageAsync("conv_123", "Thanks, we got your message.", asSystem: true, new RequestOptions { IdempotencyKey = ConflictingKey }, ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not a Chatting endpoint."),
    };
}
