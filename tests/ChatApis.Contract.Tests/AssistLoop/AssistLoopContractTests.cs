using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Pagination;

namespace ChatApis.Contract.Tests.AssistLoop;

/// <summary>
/// The contract of AssistLoop's API, shared by its two documents (one API on two bases, per the API
/// notes). Each surface's class supplies its document's examples; every test here runs once per surface.
/// </summary>
public abstract partial class AssistLoopContractTests : IClassFixture<ContractServer>, IDisposable
{
    // Values the documents give.
    protected const string AccessToken = "eyJ0eXAiOiJKV1QiLCJhbGc...";
    protected const string ClientId = "your-client-id";
    protected const string ClientSecret = "your-client-secret";
    protected const string AgentUuid = "agt_abc123";
    protected const string OrganizationUuid = "org_xyz789";
    protected const string ConversationUuid = "550e8400-e29b-41d4-a716-446655440000";
    protected const string SubscriptionId = "whk_xyz789";

    /// <summary>The documents' obfuscated example emails, verbatim: the space in them is a no-break space.</summary>
    protected const string ProtectedEmail = "[email\u00a0protected]";

    /// <summary>The documents name the Request-Id header but show no value; this one is the tests' own.</summary>
    protected const string RequestId = "req_01JH7W3K9Q";

    private readonly List<IDisposable> _clients = [];

    protected AssistLoopContractTests(ContractServer server, AssistLoopSurface surface)
    {
        Server = server;
        Wire = new Wire(server);
        TestedSurface = surface;
    }

    protected ContractServer Server { get; }

    protected Wire Wire { get; }

    protected AssistLoopSurface TestedSurface { get; }

    /// <summary>The surface's base path: <c>/api/v1</c> (Zapier) or <c>/v1</c> (Make).</summary>
    protected string BasePath => TestedSurface == AssistLoopSurface.Make ? "/v1" : "/api/v1";

    /// <summary>The <c>platform</c> value the surface's document requires in subscribe and close.</summary>
    protected string Platform => TestedSurface == AssistLoopSurface.Make ? "make" : "zapier";

    /// <summary>The surface's Fixtures folder.</summary>
    protected abstract string Folder { get; }

    protected abstract AssistLoopExampleTimes Times { get; }

    /// <summary>The document's subscribe example's target_url.</summary>
    protected abstract Uri SubscribeTargetUrl { get; }

    /// <summary>Fetches a one-response list (AssistLoop documents no paging) and returns its only page.</summary>
    protected static async Task<Page<T>> OnePage<T>(AsyncPageable<T> pageable)
    {
        var pages = new List<Page<T>>();
        await foreach (var page in pageable.AsPages())
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.False(only.HasMore);
        return only;
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected string Doc(string name) => Fixture.Text(Folder, name);

    protected ExpectedRequest Get(string relativePath) => ExpectedRequest.Get(BasePath + relativePath).Bearer(AccessToken);

    protected ExpectedRequest Post(string relativePath) => ExpectedRequest.Post(BasePath + relativePath).Bearer(AccessToken);

    protected ExpectedRequest Delete(string relativePath) => ExpectedRequest.Delete(BasePath + relativePath).Bearer(AccessToken);

    /// <summary>The documented status with the example body, and the Request-Id header support asks for.</summary>
    protected static Reply Answer(int status, string body) => Reply.Json(status, body).Header("Request-Id", RequestId);

    /// <summary>A client on this surface pointed at WireMock: no retries, no client-side queueing.</summary>
    protected AssistLoopClient Client(Action<AssistLoopClientOptions>? configure = null, TimeProvider? clock = null)
    {
        var options = new AssistLoopClientOptions
        {
            Surface = TestedSurface,
            BaseAddress = Server.Base(BasePath.TrimStart('/') + "/"),
            AccessToken = AccessToken,
            MaxRetries = 0,
            EnableRateLimiting = false,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(15),
        };
        configure?.Invoke(options);
        var client = new AssistLoopClient(options, clock);
        _clients.Add(client);
        return client;
    }

    /// <summary>A client that holds no tokens yet and can run the OAuth flow.</summary>
    protected AssistLoopClient OAuthClient(ITokenStore store, TimeProvider clock) => Client(
        o =>
        {
            o.AccessToken = null;
            o.TokenStore = store;
            o.ClientId = ClientId;
            o.ClientSecret = ClientSecret;
        },
        clock);

    [Fact]
    [Covers("GET /oauth/me", Aspect.Request | Aspect.Response)]
    public async Task Get_current_user_sends_the_bearer_token_and_reads_uuid_name_and_email()
    {
        var stub = Wire.Expect(Get("/oauth/me"), Answer(200, Doc("get-current-user.response.json")));

        var me = await Wire.CallAsync(ct => Client().GetMeAsync(cancellationToken: ct), stub);

        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(RequestId, me.RequestId);
        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal("John Doe", me.Value.Name);
        Assert.Equal(ProtectedEmail, me.Value.Email);
        Unmapped.None(me.Value);
    }

    [Fact]
    [Covers("POST /webhooks/subscribe", Aspect.Request | Aspect.Response)]
    public async Task Subscribe_sends_the_documented_body_and_reads_the_id_and_the_one_time_secret()
    {
        var stub = Wire.Expect(Post("/webhooks/subscribe").Json(Doc("subscribe-to-webhooks.request.json")), Answer(200, Doc("subscribe-to-webhooks.response.json")));

        var subscribed = await Wire.CallAsync(
            ct => Client().SubscribeWebhookAsync(OrganizationUuid, AgentUuid, SubscribeTargetUrl, AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            stub);

        Assert.Equal(RequestId, subscribed.RequestId);
        Assert.Equal("whk_xyz789", subscribed.Value.Id);
        Assert.Equal(SubscribeTargetUrl, subscribed.Value.TargetUrl);
        Assert.Equal("new_conversation", subscribed.Value.EventName);
        Assert.Equal("whsec_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", subscribed.Value.GetAssistLoopSecret());
        var raw = Assert.IsType<AssistLoopWebhookSubscription>(subscribed.Value.Raw);
        Assert.Equal("whk_xyz789", raw.Data.Id);
        Assert.Equal("whsec_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", raw.Data.Secret);
        Assert.Equal("Webhook subscribed successfully", raw.Message);
        Unmapped.None(raw, raw.Data);
    }

    [Fact]
    [Covers("POST /webhooks/subscribe", Aspect.Request)]
    public async Task Subscribe_sends_the_optional_external_id_when_given()
    {
        var body = $$"""
            {"organization_uuid": "org_xyz789", "agent_uuid": "agt_abc123", "target_url": "{{SubscribeTargetUrl}}",
             "event": "human_handoff_required", "platform": "{{Platform}}", "external_id": "crm-42"}
            """;
        var stub = Wire.Expect(Post("/webhooks/subscribe").Json(body), Answer(200, Doc("subscribe-to-webhooks.response.json")));

        var subscribed = await Wire.CallAsync(
            ct => Client().SubscribeWebhookAsync(OrganizationUuid, AgentUuid, SubscribeTargetUrl, AssistLoopWebhookEventType.HumanHandoffRequired, "crm-42", cancellationToken: ct),
            stub);

        Assert.Equal("whk_xyz789", subscribed.Value.Id);
    }

    [Fact]
    [Covers("DELETE /webhooks/unsubscribe/{uuid}", Aspect.Request | Aspect.Response)]
    public async Task Unsubscribe_deletes_the_subscription_by_id_and_answers_with_the_response()
    {
        var stub = Wire.Expect(Delete("/webhooks/unsubscribe/whk_xyz789"), Answer(200, Doc("unsubscribe-from-webhooks.response.json")));

        var result = await Wire.CallAsync(ct => Client().UnsubscribeWebhookAsync(SubscriptionId, cancellationToken: ct), stub);

        // The dialect's UnsubscribeWebhookAsync returns the response only: {"data": null, "message"} carries nothing more.
        Assert.Equal(RequestId, result.RequestId);
        Assert.Equal(System.Net.HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/list", Aspect.Request | Aspect.Response)]
    public async Task List_conversations_sends_the_documented_filters_and_reads_the_bare_array()
    {
        var stub = Wire.Expect(
            Get("/automation/agents/agt_abc123/conversations/list").Query("status", "1").Query("response_mode", "ai").Query("per_page", "20"),
            Answer(200, Doc("list-conversations.response.json")));

        var list = await Wire.CallAsync(
            ct => OnePage(Client().ListConversationsAsync(AgentUuid, AssistLoopConversationStatus.Open, AssistLoopResponseMode.Ai, perPage: 20, cancellationToken: ct)),
            stub);

        Assert.Equal(RequestId, list.Response.RequestId);
        var conversation = Assert.Single(list.Items);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", conversation.Id);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", conversation.Uuid);
        Assert.Equal("sess_abc123", conversation.SessionId);
        Assert.Equal(AssistLoopResponseMode.Ai, conversation.ResponseMode);
        Assert.True(conversation.IsOpen);
        Assert.False(conversation.LastMessageSeen);
        Assert.Null(conversation.DeletedAt);
        Assert.NotNull(conversation.ChatUser);
        Assert.Equal("Jane Smith", conversation.ChatUser.Name);
        Assert.Equal(ProtectedEmail, conversation.ChatUser.Email);
        Assert.Equal("US", conversation.ChatUser.CountryCode);
        Assert.Equal("chu_xyz123", conversation.ChatUser.ChatUserId);
        Assert.Null(conversation.CreatedAt);
        Assert.Null(conversation.UpdatedAt);
        Unmapped.None(conversation, conversation.ChatUser);
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/list", Aspect.Request)]
    public async Task List_conversations_sends_closed_human_and_both_dates_as_iso_8601()
    {
        var from = Iso8601.At("2025-01-19T00:00:00Z");
        var to = Iso8601.At("2025-01-20T00:00:00Z");
        var stub = Wire.Expect(
            Get("/automation/agents/agt_abc123/conversations/list")
                .Query("status", "0").Query("response_mode", "human").QueryInstant("created_from", from).QueryInstant("created_to", to).Query("per_page", "100"),
            Answer(200, "[]"));

        var list = await Wire.CallAsync(
            ct => OnePage(Client().ListConversationsAsync(AgentUuid, AssistLoopConversationStatus.Closed, AssistLoopResponseMode.Human, from, to, 100, cancellationToken: ct)),
            stub);

        Assert.Empty(list.Items);
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/list", Aspect.Request)]
    public async Task List_conversations_without_filters_sends_no_query()
    {
        var stub = Wire.Expect(Get("/automation/agents/agt_abc123/conversations/list"), Answer(200, Doc("list-conversations.response.json")));

        var list = await Wire.CallAsync(ct => OnePage(Client().ListConversationsAsync(AgentUuid, cancellationToken: ct)), stub);

        Assert.Equal("sess_abc123", Assert.Single(list.Items).SessionId);
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/recent-sample", Aspect.Request | Aspect.Response)]
    public async Task Recent_samples_send_limit_and_type_and_read_webhook_shaped_events()
    {
        var stub = Wire.Expect(
            Get("/automation/agents/agt_abc123/conversations/recent-sample").Query("limit", "3").Query("type", "new_conversation"),
            Answer(200, Doc("get-recent-conversation-samples.response.json")));

        var samples = await Wire.CallAsync(ct => Client().GetRecentSamplesAsync(AgentUuid, 3, AssistLoopWebhookEventType.NewConversation, cancellationToken: ct), stub);

        Assert.Equal(RequestId, samples.RequestId);
        var sample = Assert.Single(samples.Value);
        AssertNewConversation(sample, Times.SampleAt, "Sample Customer", "msg_sample123", "Hello, I have a question");
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/recent-sample", Aspect.Request | Aspect.Response)]
    public async Task Recent_handoff_samples_carry_last_message_instead_of_initial_message()
    {
        // "When type=human_handoff_required ... initial_message becomes last_message": the documents show
        // that shape as the delivery example, which the samples share ("the same format").
        var stub = Wire.Expect(
            Get("/automation/agents/agt_abc123/conversations/recent-sample").Query("type", "human_handoff_required"),
            Answer(200, Fixture.AsArray(Doc("human-handoff-required-event.json"))));

        var samples = await Wire.CallAsync(ct => Client().GetRecentSamplesAsync(AgentUuid, type: AssistLoopWebhookEventType.HumanHandoffRequired, cancellationToken: ct), stub);

        AssertHandoff(Assert.Single(samples.Value));
    }

    [Fact]
    [Covers("POST /automation/conversations/{conversationUuid}/close", Aspect.Request | Aspect.Response)]
    public async Task Close_sends_the_surface_platform_and_reads_conversation_closed()
    {
        var stub = Wire.Expect(
            Post("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/close").Json(Doc("close-conversation.request.json")),
            Answer(200, Doc("close-conversation.response.json")));

        var closed = await Wire.CallAsync(ct => Client().CloseConversationAsync(ConversationUuid, cancellationToken: ct), stub);

        Assert.Equal(RequestId, closed.RequestId);
        Assert.Equal("conversation_closed", closed.Value.Status);
        Assert.Equal(Platform, closed.Value.Platform);
        Unmapped.None(closed.Value);
    }

    [Fact]
    [Covers("GET /automation/conversations/{conversationUuid}/messages/find", Aspect.Request | Aspect.Response)]
    public async Task Find_messages_sends_per_page_and_reads_every_field_newest_first()
    {
        var stub = Wire.Expect(
            Get("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find").Query("per_page", "20"),
            Answer(200, Doc("find-messages.response.json")));

        var page = await Wire.CallAsync(ct => Client().GetMessagesPageAsync(ConversationUuid, perPage: 20, cancellationToken: ct), stub);

        Assert.Equal(RequestId, page.RequestId);
        Assert.Collection(
            page.Value,
            agent =>
            {
                Assert.Equal("msg_abc124", agent.Id);
                Assert.Equal("660e8400-e29b-41d4-a716-446655440002", agent.Uuid);
                Assert.Equal("I'd be happy to help you with your order. Could you provide your order number?", agent.Content);
                Assert.Equal(AssistLoopMessageType.Agent, agent.Type);
                Assert.Null(agent.IsRead);
                Assert.Null(agent.Status);
                Assert.Equal(AssistLoopResponderType.Ai, agent.ResponderType);
                Assert.Null(agent.EmailedAt);
                Assert.False(agent.EmailSeen);
                Assert.Null(agent.EmailOpenedAt);
                Assert.Equal("web", agent.Via);
                Assert.Equal(Times.NewestMessageAt, agent.CreatedAt);
                Assert.Null(agent.UserFeedback);
                Assert.Equal("Customer Support Agent", agent.SenderName);
                Assert.Empty(agent.Attachments);
                Unmapped.None(agent);
            },
            guest =>
            {
                Assert.Equal("msg_abc123", guest.Id);
                Assert.Equal("660e8400-e29b-41d4-a716-446655440001", guest.Uuid);
                Assert.Equal("I need help with my order", guest.Content);
                Assert.Equal(AssistLoopMessageType.Guest, guest.Type);
                Assert.Null(guest.IsRead);
                Assert.Null(guest.Status);
                Assert.Null(guest.ResponderType);
                Assert.Null(guest.EmailedAt);
                Assert.False(guest.EmailSeen);
                Assert.Null(guest.EmailOpenedAt);
                Assert.Equal("web", guest.Via);
                Assert.Equal(Times.OlderMessageAt, guest.CreatedAt);
                Assert.Null(guest.UserFeedback);
                Assert.Equal("Jane Smith", guest.SenderName);
                Assert.Empty(guest.Attachments);
                Unmapped.None(guest);
            });
    }

    [Fact]
    [Covers("GET /automation/conversations/{conversationUuid}/messages/find", Aspect.Request)]
    public async Task Find_messages_sends_both_date_filters_as_iso_8601()
    {
        var from = Iso8601.At("2025-01-20T15:00:00Z");
        var to = Iso8601.At("2025-01-20T17:00:00+00:00");
        var stub = Wire.Expect(
            Get("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find")
                .QueryInstant("created_from", from).QueryInstant("created_to", to).Query("per_page", "10"),
            Answer(200, "[]"));

        var page = await Wire.CallAsync(ct => Client().GetMessagesPageAsync(ConversationUuid, from, to, 10, cancellationToken: ct), stub);

        Assert.Empty(page.Value);
    }

    [Fact]
    [Covers("POST /automation/conversations/{conversationUuid}/reply", Aspect.Request | Aspect.Response)]
    public async Task Reply_sends_the_content_and_reads_sent_and_the_message_id()
    {
        var stub = Wire.Expect(
            Post("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/reply").Json(Doc("reply-to-conversation.request.json")),
            Answer(200, Doc("reply-to-conversation.response.json")));

        var reply = await Wire.CallAsync(
            ct => Client().ReplyAsync(ConversationUuid, "Thank you for contacting us. A support agent will be with you shortly.", cancellationToken: ct),
            stub);

        Assert.Equal(RequestId, reply.RequestId);
        Assert.Equal("sent", reply.Value.Status);
        Assert.Equal("msg_xyz789", reply.Value.MessageId);
        Unmapped.None(reply.Value);
    }
}
