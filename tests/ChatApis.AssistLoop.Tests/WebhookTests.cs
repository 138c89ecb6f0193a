using ChatApis.AssistLoop;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Webhooks;

namespace ChatApis.AssistLoop.Tests;

public sealed class WebhookTests : AssistLoopTestBase
{
    private readonly WebhookReceiver _receiver;

    public WebhookTests() => _receiver = Track(new WebhookReceiver());

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await _receiver.StartAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Subscribe_sends_the_documented_body_and_parses_the_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "webhooks/subscribe";
        Serve("POST", path, Fixture(surface, "subscribe"));

        var response = await client.SubscribeWebhookAsync("org_xyz789", "agt_abc123", new Uri("https://hooks.zapier.com/hooks/catch/123456/abcdef/"), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(path, request.Path);
        AssertBearer(request);
        AssertJsonBody(request, $$"""{"organization_uuid":"org_xyz789","agent_uuid":"agt_abc123","target_url":"https://hooks.zapier.com/hooks/catch/123456/abcdef/","event":"new_conversation","platform":"{{Platform(surface)}}"}""");
        Assert.Equal("whk_xyz789", response.Value.Id);
        Assert.Equal(new Uri("https://hooks.zapier.com/hooks/catch/123456/abcdef/"), response.Value.TargetUrl);
        Assert.Equal("new_conversation", response.Value.EventName);
        Assert.Equal("whsec_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", response.Value.GetAssistLoopSecret());
        var raw = Assert.IsType<AssistLoopWebhookSubscription>(response.Value.Raw);
        Assert.Equal("whk_xyz789", raw.Data.Id);
        Assert.Equal("whsec_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", raw.Data.Secret);
        Assert.Equal("Webhook subscribed successfully", raw.Message);
        Assert.DoesNotContain("whsec_", raw.Data.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", response.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_sends_an_external_id_when_given()
    {
        var client = Client(AssistLoopSurface.Make);
        var externalId = new string('x', 255);

        var response = await client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, new Uri("https://hook.integromat.com/abcd1234efgh5678"), AssistLoopWebhookEventType.HumanHandoffRequired, externalId, cancellationToken: TestContext.Current.CancellationToken);

        AssertJsonBody(Sim.Journal.Last, $$"""{"organization_uuid":"org_xyz789","agent_uuid":"agt_abc123","target_url":"https://hook.integromat.com/abcd1234efgh5678","event":"human_handoff_required","platform":"make","external_id":"{{externalId}}"}""");
        var stored = Assert.Single(Sim.Subscriptions);
        Assert.Equal(response.Value.Id, stored.Id);
        Assert.Equal(response.Value.GetAssistLoopSecret(), stored.Secret);
        Assert.Equal("human_handoff_required", response.Value.EventName);
        Assert.Equal(externalId, stored.ExternalId);
        Assert.Equal("make", stored.Platform);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Unsubscribe_deletes_by_id_and_parses_the_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "webhooks/unsubscribe/whk_xyz789";
        Serve("DELETE", path, Fixture(surface, "unsubscribe"));

        var response = await client.UnsubscribeWebhookAsync("whk_xyz789", cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal(path, request.Path);
        AssertBearer(request);
        Assert.Empty(request.Body);
        // UnsubscribeWebhookAsync returns the response only (the dialect's shape): its body carries nothing more.
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Sim.LastRequestId, response.RequestId);
    }

    [Fact]
    public async Task Unsubscribing_twice_is_not_found()
    {
        var client = Client();
        var subscription = await client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, _receiver.UrlFor(), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);
        await client.UnsubscribeWebhookAsync(subscription.Value.Id, cancellationToken: TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => client.UnsubscribeWebhookAsync(subscription.Value.Id, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Webhook not found", error.ErrorCode);
        Assert.Empty(Sim.Subscriptions);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task A_new_conversation_is_delivered_to_the_subscriber_and_parsed(AssistLoopSurface surface)
    {
        var client = Client(surface);
        await client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, _receiver.UrlFor("hooks/new"), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);

        var conversation = Sim.StartConversation(AssistLoopSimulator.AgentUuid, "Jane Smith", "jane@example.com", "Hi, I need help with my order");
        var delivery = await _receiver.WaitForDeliveryAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("/hooks/new", delivery.Path);
        Assert.StartsWith("application/json", delivery.Headers["Content-Type"], StringComparison.Ordinal);
        var parsed = Assert.IsType<AssistLoopNewConversationEvent>(AssistLoopWebhookEvent.Parse(delivery.Body));
        Assert.Equal(AssistLoopWebhookEventType.NewConversation, parsed.Event);
        Assert.Equal(Clock.GetUtcNow(), parsed.Timestamp);
        Assert.Equal(conversation, parsed.Data.Conversation!.Uuid);
        Assert.True(parsed.Data.Conversation.IsOpen);
        Assert.Equal(AssistLoopResponseMode.Ai, parsed.Data.Conversation.ResponseMode);
        Assert.Equal("Customer Support Agent", parsed.Data.Agent!.Name);
        Assert.Equal("jane@example.com", parsed.Data.ChatUser!.Email);
        Assert.Equal("Acme Corporation", parsed.Data.Organization!.Name);
        Assert.Equal("Hi, I need help with my order", parsed.Data.InitialMessage!.Content);
        Assert.Equal(AssistLoopMessageType.Guest, parsed.Data.InitialMessage.Type);
    }

    [Fact]
    public async Task A_handoff_is_delivered_only_to_handoff_subscribers()
    {
        var client = Client();
        await client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, _receiver.UrlFor("handoff"), AssistLoopWebhookEventType.HumanHandoffRequired, cancellationToken: TestContext.Current.CancellationToken);
        var conversation = Sim.StartConversation(AssistLoopSimulator.AgentUuid, null, null, "Hello");

        Sim.RequestHandoff(conversation, "I need to speak with a human agent");
        var delivery = await _receiver.WaitForDeliveryAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Sim.Webhooks.WhenIdleAsync();

        var parsed = Assert.IsType<AssistLoopHumanHandoffRequiredEvent>(AssistLoopWebhookEvent.Parse(delivery.Body));
        Assert.Equal(AssistLoopResponseMode.Human, parsed.Data.Conversation!.ResponseMode);
        Assert.Equal("I need to speak with a human agent", parsed.Data.LastMessage!.Content);
        Assert.Null(parsed.Data.ChatUser!.Name);
        Assert.Single(_receiver.Deliveries);
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_three_times_with_exponential_backoff()
    {
        var client = Client();
        await client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, _receiver.UrlFor("flaky"), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);

        // Long enough for the retry waits, shorter than the client's own timeouts.
        Clock.AutoAdvanceLimit = TimeSpan.FromSeconds(5);
        _receiver.Faults.On("POST", "/flaky").Times(3, ChatApis.Testing.Fault.Status(503));

        Sim.StartConversation(AssistLoopSimulator.AgentUuid, "Ann", null, "Hi");
        await _receiver.WaitForDeliveryAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Sim.Webhooks.WhenIdleAsync();

        Assert.Equal([503, 503, 503, 200], Sim.Webhooks.Attempts.Select(a => a.StatusCode));
        Assert.Equal(AssistLoopSimulator.WebhookRetryDelays, Clock.AutoAdvancedDelays);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void The_documented_new_conversation_payload_parses_field_by_field(AssistLoopSurface surface)
    {
        var at = surface == AssistLoopSurface.Make ? Utc("2024-11-12T10:30:00Z") : Utc("2025-01-20T16:00:00+00:00");

        var parsed = Assert.IsType<AssistLoopNewConversationEvent>(AssistLoopWebhookEvent.Parse(Fixture(surface, "event-new-conversation")));

        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", parsed.Id);
        Assert.Equal(AssistLoopWebhookEventType.NewConversation, parsed.Event);
        Assert.Equal(at, parsed.Timestamp);
        AssertCommon(parsed.Data, at, AssistLoopResponseMode.Ai);
        Assert.Equal("msg_abc123", parsed.Data.InitialMessage!.Uuid);
        Assert.Equal("Hi, I need help with my order", parsed.Data.InitialMessage.Content);
        Assert.Equal(AssistLoopMessageType.Guest, parsed.Data.InitialMessage.Type);
        Assert.Equal(at, parsed.Data.InitialMessage.CreatedAt);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public void The_documented_handoff_payload_parses_field_by_field(AssistLoopSurface surface)
    {
        var created = surface == AssistLoopSurface.Make ? Utc("2024-11-12T10:30:00Z") : Utc("2025-01-20T16:00:00+00:00");
        var at = created.AddMinutes(5);

        var parsed = Assert.IsType<AssistLoopHumanHandoffRequiredEvent>(AssistLoopWebhookEvent.Parse(System.Text.Encoding.UTF8.GetBytes(Fixture(surface, "event-human-handoff"))));

        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", parsed.Id);
        Assert.Equal(AssistLoopWebhookEventType.HumanHandoffRequired, parsed.Event);
        Assert.Equal(at, parsed.Timestamp);
        AssertCommon(parsed.Data, created, AssistLoopResponseMode.Human);
        Assert.Equal("msg_def456", parsed.Data.LastMessage!.Uuid);
        Assert.Equal("I need to speak with a human agent", parsed.Data.LastMessage.Content);
        Assert.Equal(AssistLoopMessageType.Guest, parsed.Data.LastMessage.Type);
        Assert.Equal(at, parsed.Data.LastMessage.CreatedAt);
    }

    [Fact]
    public void An_unknown_event_keeps_its_raw_json()
    {
        const string json = """{"id":"evt_1","event":"conversation_rated","timestamp":"2025-01-20T16:00:00+00:00","data":{"rating":5}}""";

        var parsed = Assert.IsType<AssistLoopUnknownWebhookEvent>(AssistLoopWebhookEvent.Parse(json));

        Assert.Equal("evt_1", parsed.Id);
        Assert.Equal("conversation_rated", parsed.Event.Value);
        Assert.Equal(Utc("2025-01-20T16:00:00Z"), parsed.Timestamp);
        Assert.Equal(5, parsed.Raw.GetProperty("data").GetProperty("rating").GetInt32());
    }

    [Theory]
    [InlineData("not json", null)]
    [InlineData("", null)]
    [InlineData("[1,2]", "$")]
    [InlineData("null", "$")]
    [InlineData("""{"event":"new_conversation","data":"oops"}""", "$.data")]
    [InlineData("""{"event":"new_conversation"} {}""", null)]
    public void Invalid_bodies_are_invalid_payload_errors(string body, string? path)
    {
        var error = Assert.Throws<ChatApiInvalidPayloadException>(() => AssistLoopWebhookEvent.Parse(body));

        Assert.Equal("AssistLoop", error.Vendor);
        Assert.Equal(path, error.JsonPath);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        Assert.StartsWith("The AssistLoop payload is invalid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id":"evt_1","timestamp":"2025-01-20T16:00:00+00:00","data":{}}""")]
    [InlineData("""{"event":"","data":{}}""")]
    [InlineData("""{"event":"   "}""")]
    [InlineData("""{"event":null}""")]
    [InlineData("""{"event":5}""")]
    [InlineData("""{"event":["new_conversation"]}""")]
    public void A_body_without_an_event_name_is_invalid_not_an_unknown_event(string body)
    {
        var error = Assert.Throws<ChatApiInvalidPayloadException>(() => AssistLoopWebhookEvent.Parse(body));

        Assert.Equal("AssistLoop", error.Vendor);
        Assert.Equal("$.event", error.JsonPath);
        Assert.Contains("event name", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_an_invalid_payload()
    {
        byte[] body = [.. "{\"event\":\"new_conversation\",\"id\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var error = Assert.Throws<ChatApiInvalidPayloadException>(() => AssistLoopWebhookEvent.Parse(body));

        Assert.Equal("the body is not valid UTF-8", error.Reason);
        Assert.Null(error.JsonPath);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"id":"evt_1","event":"conversation_rated"}"""u8];

        var parsed = Assert.IsType<AssistLoopUnknownWebhookEvent>(AssistLoopWebhookEvent.Parse(body));

        Assert.Equal("evt_1", parsed.Id);
        Assert.Equal("conversation_rated", parsed.Event.Value);
    }

    private static void AssertCommon(AssistLoopWebhookEventData data, DateTimeOffset createdAt, AssistLoopResponseMode mode)
    {
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", data.Conversation!.Uuid);
        Assert.True(data.Conversation.IsOpen);
        Assert.Equal(mode, data.Conversation.ResponseMode);
        Assert.Equal(createdAt, data.Conversation.CreatedAt);
        Assert.Equal("agt_abc123", data.Agent!.Uuid);
        Assert.Equal("Customer Support Agent", data.Agent.Name);
        Assert.Equal("Jane Smith", data.ChatUser!.Name);
        Assert.Equal(ProtectedEmail, data.ChatUser.Email);
        Assert.Equal("org_xyz789", data.Organization!.Uuid);
        Assert.Equal("Acme Corporation", data.Organization.Name);
    }
}
