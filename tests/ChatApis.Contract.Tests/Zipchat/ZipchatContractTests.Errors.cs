using System.Net;
using System.Text.Json;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Zipchat;

namespace ChatApis.Contract.Tests.Zipchat;

// The error tables of Update Conversation Assignment and Send Manual Message (status and error message),
// and the general "Error Codes" table (status and description). The error BODY's shape is not public
// (API notes: "surface whatever text or JSON comes back"), so each documented error is served in the
// shapes seen: {"error": text}, {"errors": [text]} and plain text.
public sealed partial class ZipchatContractTests
{
    public static TheoryData<string, int, string, string?> DocumentedErrors => new()
    {
        { "PATCH /chats/:chat_id/conversations/:id/assignment", 404, "Conversation not found", ZipchatErrorCode.NotFound.Value },
        { "PATCH /chats/:chat_id/conversations/:id/assignment", 422, "assignee_id is required (use null to assign to AI)", ZipchatErrorCode.AssigneeIdRequired.Value },
        { "PATCH /chats/:chat_id/conversations/:id/assignment", 422, "assignee_id is not an assignable user for this chat", ZipchatErrorCode.AssigneeNotAssignable.Value },
        { "POST /chats/:chat_id/conversations/:id/messages", 404, "Conversation not found", ZipchatErrorCode.NotFound.Value },
        { "POST /chats/:chat_id/conversations/:id/messages", 422, "message is required", ZipchatErrorCode.MessageRequired.Value },
        { "POST /chats/:chat_id/conversations/:id/messages", 422, "sender_id is required", ZipchatErrorCode.SenderIdRequired.Value },
        { "POST /chats/:chat_id/conversations/:id/messages", 422, "sender_id is not an assignable user for this chat", ZipchatErrorCode.SenderNotAssignable.Value },
        { "POST /chats/:chat_id/conversations/:id/messages", 422, "Conversation is in AI mode; assign it to a user before sending a manual message", ZipchatErrorCode.ConversationInAiMode.Value },
        { "POST /chats/:chat_id/conversations/:id/messages", 422, "Cannot send: customer last messaged more than 24 hours ago on a Meta channel", ZipchatErrorCode.MetaReplyWindowClosed.Value },
        { "GET /chats/:chat_id/conversations", 401, "Missing or invalid API key", null },
        { "GET /chats/:chat_id/conversations", 422, "Invalid parameter (e.g., malformed timestamp, missing field, ineligible assignee)", ZipchatErrorCode.InvalidParameter.Value },
        { "GET /chats/:chat_id/conversations", 429, "Rate limit exceeded", null },
        { "GET /chats/:chat_id/conversations/:id", 404, "Conversation or user not found", ZipchatErrorCode.NotFound.Value },
        { "GET /chats/:chat_id/users", 401, "Missing or invalid API key", null },
        { "GET /chats/:chat_id/users/:id", 404, "Conversation or user not found", ZipchatErrorCode.NotFound.Value },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    [CoversEndpointArgument(Aspect.Errors)]
    public Task Each_documented_error_as_an_error_object_is_its_typed_exception_with_the_vendor_code_and_text(string endpoint, int status, string text, string? code) =>
        AssertDocumentedError(endpoint, status, JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = text }), "application/json", text, code);

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    [CoversEndpointArgument(Aspect.Errors)]
    public Task Each_documented_error_as_an_errors_array_is_its_typed_exception_with_the_vendor_code_and_text(string endpoint, int status, string text, string? code) =>
        AssertDocumentedError(endpoint, status, JsonSerializer.Serialize(new Dictionary<string, string[]> { ["errors"] = [text] }), "application/json", text, code);

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    [CoversEndpointArgument(Aspect.Errors)]
    public Task Each_documented_error_as_plain_text_is_its_typed_exception_with_the_vendor_code_and_text(string endpoint, int status, string text, string? code) =>
        AssertDocumentedError(endpoint, status, text, "text/plain; charset=utf-8", text, code);

    private async Task AssertDocumentedError(string endpoint, int status, string body, string contentType, string text, string? code)
    {
        var (request, call) = EndpointCall(endpoint);
        var reply = (contentType.StartsWith("text/", StringComparison.Ordinal) ? Reply.Text(status, body) : Reply.Json(status, body))
            .Header("X-RateLimit-Limit", "120")
            .Header("X-RateLimit-Remaining", status == 429 ? "0" : "119")
            .Header("X-RateLimit-Reset", "1768474200");
        var stub = _wire.Expect(request, reply);

        var error = Assert.IsAssignableFrom<ChatApiException>(await _wire.FailsAsync(call, stub));

        Assert.IsType(
            status switch
            {
                401 => typeof(ChatApiAuthenticationException),
                404 => typeof(ChatApiNotFoundException),
                422 => typeof(ChatApiValidationException),
                _ => typeof(ChatApiRateLimitException),
            },
            error,
            exactMatch: true);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(code is null ? null : ZipchatErrorCode.FromValue(code), error.GetZipchatErrorCode());
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Null(error.RequestId);
        Assert.Equal("Zipchat", error.Vendor);
        Assert.Equal(body, error.RawBody);
    }

    private (ExpectedRequest Request, Func<CancellationToken, Task> Call) EndpointCall(string endpoint) => endpoint switch
    {
        "GET /chats/:chat_id/conversations" => (Get("/conversations"), ct => Client().GetConversationsPageAsync(cancellationToken: ct)),
        "GET /chats/:chat_id/conversations/:id" => (Get("/conversations/12345"), ct => Client().GetConversationAsync(12345, cancellationToken: ct)),
        "GET /chats/:chat_id/users" => (Get("/users"), ct => Client().GetUsersPageAsync(cancellationToken: ct)),
        "GET /chats/:chat_id/users/:id" => (Get("/users/7"), ct => Client().GetUserAsync(7, cancellationToken: ct)),
        "PATCH /chats/:chat_id/conversations/:id/assignment" => (
            Patch("/conversations/12345/assignment").Json(Doc("update-conversation-assignment.take-over.request.json")),
            ct => Client().TakeOverConversationAsync(12345, 7, cancellationToken: ct)),
        "POST /chats/:chat_id/conversations/:id/messages" => (
            Post("/conversations/12345/messages").Json(Doc("send-manual-message.request.json")),
            ct => Client().SendMessageAsync(12345, "Hi, a human here: let me check.", 7, cancellationToken: ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not a Zipchat endpoint."),
    };
}
