using ChatApis.AssistLoop;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.AssistLoop;

/// <summary>AssistLoop's Zapier surface (https://api.assistloop.ai/api/v1), against assistloop-zapier.txt.</summary>
[ContractSurface(Surface.AssistLoopZapier)]
public sealed class AssistLoopZapierContractTests(ContractServer server) : AssistLoopContractTests(server, AssistLoopSurface.Zapier)
{
    protected override string Folder => "assistloop-zapier";

    protected override AssistLoopExampleTimes Times { get; } = new(
        NewConversationAt: Iso8601.At("2025-01-20T16:00:00+00:00"),
        HandoffAt: Iso8601.At("2025-01-20T16:05:00+00:00"),
        HandoffConversationCreatedAt: Iso8601.At("2025-01-20T16:00:00+00:00"),
        SampleAt: Iso8601.At("2025-01-20T15:30:00+00:00"),
        NewestMessageAt: Iso8601.At("2025-01-20T16:00:15.000000Z"),
        OlderMessageAt: Iso8601.At("2025-01-20T16:00:00.000000Z"));

    protected override Uri SubscribeTargetUrl { get; } = new("https://hooks.zapier.com/hooks/catch/123456/abcdef/");

    protected override Uri RedirectUri { get; } = new("https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/");

    /// <summary>Step 1's example scope: "read:conversations read:messages manage:webhooks".</summary>
    protected override AssistLoopScopes Scopes => AssistLoopScopes.Default;

    protected override string AuthorizeRequestJson => Doc("step-1-authorization-request.request.json");

    protected override string CodeExchangeRequestJson => Doc("step-2-exchange-authorization-code.request.json");

    [Fact]
    [Covers("GET /oauth/me", Aspect.Request | Aspect.Response)]
    public async Task Testing_authenticate_reads_the_expected_response()
    {
        var stub = Wire.Expect(Get("/oauth/me"), Answer(200, Doc("testing-authenticate.response.json")));

        var me = await Wire.CallAsync(ct => Client().GetMeAsync(cancellationToken: ct), stub);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal("Your Name", me.Value.Name);
        Assert.Equal(ProtectedEmail, me.Value.Email);
        Unmapped.None(me.Value);
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/recent-sample", Aspect.Request)]
    public async Task Testing_get_sample_data_asks_for_one_sample()
    {
        var stub = Wire.Expect(
            Get("/automation/agents/YOUR_AGENT_UUID/conversations/recent-sample").Query("limit", "1"),
            Answer(200, Doc("get-recent-conversation-samples.response.json")));

        var samples = await Wire.CallAsync(ct => Client().GetRecentSamplesAsync("YOUR_AGENT_UUID", limit: 1, cancellationToken: ct), stub);

        Assert.IsType<AssistLoopNewConversationEvent>(Assert.Single(samples.Value));
    }

    [Fact]
    [Covers("POST /webhooks/subscribe", Aspect.Request)]
    public async Task Testing_subscribe_to_webhooks_sends_the_documented_body()
    {
        var stub = Wire.Expect(Post("/webhooks/subscribe").Json(Doc("testing-subscribe-to-webhooks.request.json")), Answer(200, Doc("subscribe-to-webhooks.response.json")));

        var subscribed = await Wire.CallAsync(
            ct => Client().SubscribeWebhookAsync("YOUR_ORG_UUID", "YOUR_AGENT_UUID", new Uri("https://webhook.site/your-unique-url"), AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            stub);

        Assert.Equal("whk_xyz789", subscribed.Value.Id);
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/list", Aspect.Request)]
    public async Task Testing_conversation_queries_per_page_5_is_refused_before_sending_because_the_parameter_table_says_min_10()
    {
        // The Testing section lists "?status=1&per_page=5"; the parameter table says "min: 10, max: 100".
        var error = await Wire.FailsAsync<ArgumentOutOfRangeException>(ct => OnePage(Client().ListConversationsAsync("YOUR_AGENT_UUID", AssistLoopConversationStatus.Open, perPage: 5, cancellationToken: ct)));

        Assert.Equal("perPage", error.ParamName);
    }

    [Fact]
    [Covers("GET /automation/conversations/{conversationUuid}/messages/find", Aspect.Request)]
    [Covers("POST /automation/conversations/{conversationUuid}/reply", Aspect.Request)]
    public async Task Testing_message_operations_fetch_ten_messages_then_send_the_test_reply()
    {
        var find = Wire.Expect(Get("/automation/conversations/CONVERSATION_UUID/messages/find").Query("per_page", "10"), Answer(200, Doc("find-messages.response.json")));
        var reply = Wire.Expect(
            Post("/automation/conversations/CONVERSATION_UUID/reply").Json(Doc("testing-test-message-operations.request.json")),
            Answer(200, Doc("reply-to-conversation.response.json")));

        var sent = await Wire.CallAsync(
            async ct =>
            {
                var client = Client();
                await client.GetMessagesPageAsync("CONVERSATION_UUID", perPage: 10, cancellationToken: ct);
                return await client.ReplyAsync("CONVERSATION_UUID", "This is a test message from the API", cancellationToken: ct);
            },
            find,
            reply);

        Assert.Equal("msg_xyz789", sent.Value.MessageId);
    }

    [Fact]
    [Covers("POST /automation/conversations/{conversationUuid}/close", Aspect.Request)]
    public async Task Testing_conversation_closing_sends_platform_zapier()
    {
        var stub = Wire.Expect(
            Post("/automation/conversations/CONVERSATION_UUID/close").Json(Doc("testing-test-conversation-closing.request.json")),
            Answer(200, Doc("close-conversation.response.json")));

        var closed = await Wire.CallAsync(ct => Client().CloseConversationAsync("CONVERSATION_UUID", cancellationToken: ct), stub);

        Assert.Equal("zapier", closed.Value.Platform);
    }
}
