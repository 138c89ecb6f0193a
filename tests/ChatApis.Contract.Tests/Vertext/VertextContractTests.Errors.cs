using System.Net;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Vertext;

namespace ChatApis.Contract.Tests.Vertext;

// "Errors include a plain-text response body". A missing Authorization header is "always 400", an
// expired or invalid token "always 401" (on every endpoint), a 500 may occur, and the endpoints list
// their 404s. The document gives meanings, not texts: the 404 bodies are the meanings, the 400/401/500
// texts are the tests' own.
public sealed partial class VertextContractTests
{
    private const string NoChatbot = "Chatbot does not exist or does not belong to the user.";

    [Theory]
    [CoversEndpointArgument(Aspect.Errors)]
    [InlineData("GET /chatbots/list", 400, "Missing Authorization header", "authorization_missing")]
    [InlineData("GET /chatbots/list", 400, "", "authorization_missing")]
    [InlineData("GET /chatbots/list", 401, "Invalid or expired token", "token_invalid")]
    [InlineData("GET /chatbots/list", 500, "Internal Server Error", null)]
    [InlineData("POST /chatbots/{chatbot_id}/zapier_subscriptions", 400, "Missing Authorization header", "authorization_missing")]
    [InlineData("POST /chatbots/{chatbot_id}/zapier_subscriptions", 401, "Invalid or expired token", "token_invalid")]
    [InlineData("POST /chatbots/{chatbot_id}/zapier_subscriptions", 404, NoChatbot, null)]
    [InlineData("DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}", 400, "Missing Authorization header", "authorization_missing")]
    [InlineData("DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}", 401, "Invalid or expired token", "token_invalid")]
    [InlineData("DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}", 404, NoChatbot, null)]
    [InlineData("DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}", 404, "Zapier subscription with the given ID not found.", null)]
    [InlineData("GET /contacts/{chatbot_id}", 400, "Missing Authorization header", "authorization_missing")]
    [InlineData("GET /contacts/{chatbot_id}", 401, "Invalid or expired token", "token_invalid")]
    [InlineData("GET /contacts/{chatbot_id}", 404, NoChatbot, null)]
    public async Task Each_documented_error_is_its_typed_exception_with_the_plain_text_as_message(string endpoint, int status, string text, string? code)
    {
        var (request, call) = EndpointCall(endpoint);
        var stub = _wire.Expect(request, text.Length == 0 ? Reply.Empty(status) : Reply.Text(status, text));

        var error = Assert.IsAssignableFrom<ChatApiException>(await _wire.FailsAsync(call, stub));

        Assert.IsType(
            status switch
            {
                400 or 401 => typeof(ChatApiAuthenticationException),
                404 => typeof(ChatApiNotFoundException),
                _ => typeof(ChatApiServerException),
            },
            error,
            exactMatch: true);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Equal(code is null ? null : new VertextErrorCode(code), error.GetVertextErrorCode());
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Null(error.RequestId);
        Assert.Equal("Vertext", error.Vendor);
        Assert.Equal(text.Length == 0 ? null : text, error.RawBody);
    }

    private (ExpectedRequest Request, Func<CancellationToken, Task> Call) EndpointCall(string endpoint) => endpoint switch
    {
        "GET /chatbots/list" => (Get("/chatbots/list"), ct => Client().GetChatbotsPageAsync(cancellationToken: ct)),
        "POST /chatbots/{chatbot_id}/zapier_subscriptions" => (
            Post($"/chatbots/{SubscriptionChatbotId}/zapier_subscriptions").FormText(Doc("post-chatbots-zapier-subscriptions.request.form")),
            ct => Client().SubscribeWebhookAsync(SubscriptionChatbotId, new Uri(ZapierHook), cancellationToken: ct)),
        "DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}" => (
            ExpectedRequest.Delete($"/chatbots/{SubscriptionChatbotId}/zapier_subscriptions/{SubscriptionId}").Bearer(AccessToken),
            ct => Client().UnsubscribeWebhookAsync(SubscriptionChatbotId, SubscriptionId, cancellationToken: ct)),
        "GET /contacts/{chatbot_id}" => (
            Get($"/contacts/{ChatbotId}"),
            ct => Client().GetContactsPageAsync(ChatbotId, cancellationToken: ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not a Vertext endpoint."),
    };
}
