using System.Net;
using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.AssistLoop;

// "Error Response Format": {"error": ..., "message": ...} with the status codes of the summary table,
// and the Request-Id response header support asks for.
public abstract partial class AssistLoopContractTests
{
    public static TheoryData<int, Type> DocumentedStatuses => new()
    {
        { 400, typeof(ChatApiValidationException) },
        { 403, typeof(ChatApiPermissionException) },
        { 404, typeof(ChatApiNotFoundException) },
        { 422, typeof(ChatApiValidationException) },
        { 429, typeof(ChatApiRateLimitException) },
        { 500, typeof(ChatApiServerException) },
    };

    [Theory]
    [MemberData(nameof(DocumentedStatuses))]
    [Covers("GET /oauth/me", Aspect.Errors)]
    public async Task Each_documented_status_with_the_documented_error_body_is_its_typed_exception(int status, Type expected)
    {
        var stub = Wire.Expect(Get("/oauth/me"), Answer(status, Doc("error-response-format.json")));

        var error = await Wire.FailsAsync(ct => Client().GetMeAsync(cancellationToken: ct), stub);

        Assert.IsType(expected, error, exactMatch: true);
        AssertDocumentedError((ChatApiException)error, status);
    }

    [Fact]
    [Covers("GET /oauth/me", Aspect.Errors)]
    public async Task A_401_with_the_documented_error_body_is_an_authentication_error_with_its_status_code_and_request_id()
    {
        var stub = Wire.Expect(Get("/oauth/me"), Answer(401, Doc("error-response-format.json")));

        var error = await Wire.FailsAsync(ct => Client().GetMeAsync(cancellationToken: ct), stub);

        AssertDocumentedError(Assert.IsAssignableFrom<ChatApiAuthenticationException>(error), 401);
    }

    [Theory]
    [CoversEndpointArgument(Aspect.Errors)]
    [InlineData("POST /api/v1/oauth/authorize")]
    [InlineData("POST /oauth/token")]
    [InlineData("GET /oauth/me")]
    [InlineData("POST /webhooks/subscribe")]
    [InlineData("DELETE /webhooks/unsubscribe/{uuid}")]
    [InlineData("GET /automation/agents/{agentUuid}/conversations/list")]
    [InlineData("GET /automation/agents/{agentUuid}/conversations/recent-sample")]
    [InlineData("POST /automation/conversations/{conversationUuid}/close")]
    [InlineData("GET /automation/conversations/{conversationUuid}/messages/find")]
    [InlineData("POST /automation/conversations/{conversationUuid}/reply")]
    public async Task The_documented_not_found_error_on_each_endpoint_carries_code_message_and_request_id(string endpoint)
    {
        var (request, call) = EndpointCall(endpoint);
        var stub = Wire.Expect(request, Answer(404, Doc("error-response-format.json")));

        var error = await Wire.FailsAsync<ChatApiNotFoundException>(call, stub);

        AssertDocumentedError(error, 404);
    }

    /// <summary>A minimal documented call of an endpoint, and the exact request it must send.</summary>
    protected virtual (ExpectedRequest Request, Func<CancellationToken, Task> Call) EndpointCall(string endpoint) => endpoint switch
    {
        "POST /api/v1/oauth/authorize" => (
            AuthorizeEndpoint().NoAuth().NoHeader("Cookie").Json($$"""{"client_id": "your-client-id", "redirect_uri": "{{RedirectUri.OriginalString}}", "state": "random-state-string", "approved": true}"""),
            ct => OAuthClient(new InMemoryTokenStore(), new FrozenClock()).AuthorizeAsync(State, RedirectUri, cancellationToken: ct)),
        "POST /oauth/token" => (
            TokenEndpoint().Json(CodeExchangeRequestJson),
            ct => OAuthClient(new InMemoryTokenStore(), new FrozenClock()).ExchangeCodeAsync(AuthorizationCode, RedirectUri, cancellationToken: ct)),
        "GET /oauth/me" => (Get("/oauth/me"), ct => Client().GetMeAsync(cancellationToken: ct)),
        "POST /webhooks/subscribe" => (
            Post("/webhooks/subscribe").Json(Doc("subscribe-to-webhooks.request.json")),
            ct => Client().SubscribeWebhookAsync(OrganizationUuid, AgentUuid, SubscribeTargetUrl, AssistLoopWebhookEventType.NewConversation, cancellationToken: ct)),
        "DELETE /webhooks/unsubscribe/{uuid}" => (Delete("/webhooks/unsubscribe/whk_xyz789"), ct => Client().UnsubscribeWebhookAsync(SubscriptionId, cancellationToken: ct)),
        "GET /automation/agents/{agentUuid}/conversations/list" => (
            Get("/automation/agents/agt_abc123/conversations/list"),
            ct => OnePage(Client().ListConversationsAsync(AgentUuid, cancellationToken: ct))),
        "GET /automation/agents/{agentUuid}/conversations/recent-sample" => (
            Get("/automation/agents/agt_abc123/conversations/recent-sample"),
            ct => Client().GetRecentSamplesAsync(AgentUuid, cancellationToken: ct)),
        "POST /automation/conversations/{conversationUuid}/close" => (
            Post("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/close").Json(Doc("close-conversation.request.json")),
            ct => Client().CloseConversationAsync(ConversationUuid, cancellationToken: ct)),
        "GET /automation/conversations/{conversationUuid}/messages/find" => (
            Get("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find"),
            ct => Client().GetMessagesPageAsync(ConversationUuid, cancellationToken: ct)),
        "POST /automation/conversations/{conversationUuid}/reply" => (
            Post("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/reply").Json(Doc("reply-to-conversation.request.json")),
            ct => Client().ReplyAsync(ConversationUuid, "Thank you for contacting us. A support agent will be with you shortly.", cancellationToken: ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not an endpoint of this surface."),
    };

    private void AssertDocumentedError(ChatApiException error, int status)
    {
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal("Conversation not found", error.ErrorCode);
        Assert.Contains("The requested conversation could not be found or you don't have access to it.", error.Message, StringComparison.Ordinal);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal("AssistLoop", error.Vendor);
        Assert.Equal(Doc("error-response-format.json"), error.RawBody);
    }
}
