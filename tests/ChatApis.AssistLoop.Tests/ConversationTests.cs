using ChatApis.AssistLoop;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

public sealed class ConversationTests : AssistLoopTestBase
{
    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task List_conversations_sends_every_filter_and_parses_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "automation/agents/agt_abc123/conversations/list";
        Serve("GET", path, Fixture(surface, "conversations"));

        var response = await OnlyPage(client.ListConversationsAsync(
            "agt_abc123",
            AssistLoopConversationStatus.Open,
            AssistLoopResponseMode.Ai,
            Utc("2025-01-20T00:00:00Z"),
            Utc("2025-01-21T12:30:00Z"),
            perPage: 20,
            cancellationToken: TestContext.Current.CancellationToken));

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal("?status=1&response_mode=ai&created_from=2025-01-20T00%3A00%3A00Z&created_to=2025-01-21T12%3A30%3A00Z&per_page=20", request.QueryString);
        AssertBearer(request);
        Assert.Empty(request.Body);

        var conversation = Assert.Single(response.Items);
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
        Assert.Null(conversation.AdditionalProperties);
        Assert.Equal(Sim.LastRequestId, response.Response.RequestId);
    }

    [Fact]
    public async Task List_conversations_without_filters_sends_no_query_and_the_closed_filter_sends_0()
    {
        var client = Client();
        var all = await OnlyPage(client.ListConversationsAsync(AssistLoopSimulator.AgentUuid, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("", Sim.Journal.Last.QueryString);
        Assert.Equal(AssistLoopSimulator.ConversationUuid, Assert.Single(all.Items).Uuid);

        var closed = await OnlyPage(client.ListConversationsAsync(AssistLoopSimulator.AgentUuid, AssistLoopConversationStatus.Closed, AssistLoopResponseMode.Human, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("?status=0&response_mode=human", Sim.Journal.Last.QueryString);
        Assert.Empty(closed.Items);
    }

    [Fact]
    public async Task The_Make_dropdown_example_is_served_for_its_agent()
    {
        var client = Client(AssistLoopSurface.Make);
        Serve("GET", "/v1/automation/agents/agent_abc123/conversations/list", Fixture("make", "conversations-dropdown"));

        var response = await OnlyPage(client.ListConversationsAsync("agent_abc123", perPage: 100, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("?per_page=100", Sim.Journal.Last.QueryString);
        var conversation = Assert.Single(response.Items);
        Assert.Equal("conv_abc123xyz", conversation.Id);
        Assert.Equal("conv_abc123xyz", conversation.Uuid);
        Assert.Equal("sess_xyz789", conversation.SessionId);
        Assert.Equal(AssistLoopResponseMode.Ai, conversation.ResponseMode);
        Assert.True(conversation.IsOpen);
        Assert.False(conversation.LastMessageSeen);
        Assert.Null(conversation.DeletedAt);
        Assert.Equal("John Doe", conversation.ChatUser!.Name);
        Assert.Equal(ProtectedEmail, conversation.ChatUser.Email);
        Assert.Equal("+1", conversation.ChatUser.CountryCode);
        Assert.Equal("user_12345", conversation.ChatUser.ChatUserId);
    }

    [Fact]
    public async Task The_simulator_serves_its_seeded_conversation_and_filters_by_date()
    {
        var client = Client();
        var started = Sim.StartConversation(AssistLoopSimulator.AgentUuid, "Ann", "ann@example.com", "Hello");

        var recent = await OnlyPage(client.ListConversationsAsync(AssistLoopSimulator.AgentUuid, createdFrom: Clock.GetUtcNow().AddMinutes(-1), cancellationToken: TestContext.Current.CancellationToken));

        var conversation = Assert.Single(recent.Items);
        Assert.Equal(started, conversation.Uuid);
        Assert.Equal(Clock.GetUtcNow(), conversation.CreatedAt);
        Assert.Equal(Clock.GetUtcNow(), conversation.UpdatedAt);
        Assert.Equal("Ann", conversation.ChatUser!.Name);
        Assert.Null(conversation.ChatUser.CountryCode);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Recent_samples_send_limit_and_type_and_parse_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "automation/agents/agt_abc123/conversations/recent-sample";
        Serve("GET", path, Fixture(surface, "recent-sample"));

        var response = await client.GetRecentSamplesAsync("agt_abc123", 3, AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal("?limit=3&type=new_conversation", request.QueryString);
        AssertBearer(request);

        var sample = Assert.IsType<AssistLoopNewConversationEvent>(Assert.Single(response.Value));
        var at = surface == AssistLoopSurface.Make ? Utc("2024-11-12T10:30:00Z") : Utc("2025-01-20T15:30:00+00:00");
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", sample.Id);
        Assert.Equal(AssistLoopWebhookEventType.NewConversation, sample.Event);
        Assert.Equal(at, sample.Timestamp);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", sample.Data.Conversation!.Uuid);
        Assert.True(sample.Data.Conversation.IsOpen);
        Assert.Equal(AssistLoopResponseMode.Ai, sample.Data.Conversation.ResponseMode);
        Assert.Equal(at, sample.Data.Conversation.CreatedAt);
        Assert.Equal("agt_abc123", sample.Data.Agent!.Uuid);
        Assert.Equal("Customer Support Agent", sample.Data.Agent.Name);
        Assert.Equal("Sample Customer", sample.Data.ChatUser!.Name);
        Assert.Equal(ProtectedEmail, sample.Data.ChatUser.Email);
        Assert.Equal("org_xyz789", sample.Data.Organization!.Uuid);
        Assert.Equal("Acme Corporation", sample.Data.Organization.Name);
        Assert.Equal("msg_sample123", sample.Data.InitialMessage!.Uuid);
        Assert.Equal("Hello, I have a question", sample.Data.InitialMessage.Content);
        Assert.Equal(AssistLoopMessageType.Guest, sample.Data.InitialMessage.Type);
        Assert.Equal(at, sample.Data.InitialMessage.CreatedAt);
    }

    [Fact]
    public async Task Handoff_samples_carry_last_message_instead_of_initial_message()
    {
        var client = Client();
        var conversation = Sim.StartConversation(AssistLoopSimulator.AgentUuid, "Ann", null, "Hi");
        Clock.Advance(TimeSpan.FromMinutes(2));
        Sim.RequestHandoff(conversation, "A human, please");

        var response = await client.GetRecentSamplesAsync(AssistLoopSimulator.AgentUuid, type: AssistLoopWebhookEventType.HumanHandoffRequired, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("?type=human_handoff_required", Sim.Journal.Last.QueryString);
        Assert.Equal(2, response.Value.Count);
        var newest = Assert.IsType<AssistLoopHumanHandoffRequiredEvent>(response.Value[0]);
        Assert.Equal(conversation, newest.Data.Conversation!.Uuid);
        Assert.Equal(AssistLoopResponseMode.Human, newest.Data.Conversation.ResponseMode);
        Assert.Equal("A human, please", newest.Data.LastMessage!.Content);
        Assert.Equal(Clock.GetUtcNow(), newest.Timestamp);
        Assert.Null(newest.Data.ChatUser!.Email);
        var seeded = Assert.IsType<AssistLoopHumanHandoffRequiredEvent>(response.Value[1]);
        Assert.Equal("msg_sample123", seeded.Data.LastMessage!.Uuid);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Close_sends_the_surface_platform_and_parses_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "automation/conversations/550e8400-e29b-41d4-a716-446655440000/close";
        Serve("POST", path, Fixture(surface, "close"));

        var response = await client.CloseConversationAsync("550e8400-e29b-41d4-a716-446655440000", cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal("", request.QueryString);
        AssertBearer(request);
        AssertJsonBody(request, $$"""{"platform":"{{Platform(surface)}}"}""");
        Assert.Equal("conversation_closed", response.Value.Status);
        Assert.Equal(Platform(surface), response.Value.Platform);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Close_closes_the_conversation_in_the_simulator(AssistLoopSurface surface)
    {
        var client = Client(surface);

        var response = await client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Platform(surface), response.Value.Platform);
        var state = Sim.GetConversation(AssistLoopSimulator.ConversationUuid)!;
        Assert.False(state.IsOpen);
        Assert.Equal(Platform(surface), state.ClosedVia);
        var listed = await OnlyPage(client.ListConversationsAsync(AssistLoopSimulator.AgentUuid, AssistLoopConversationStatus.Closed, cancellationToken: TestContext.Current.CancellationToken));
        Assert.False(Assert.Single(listed.Items).IsOpen);
    }

    [Fact]
    public async Task Closing_an_unknown_conversation_is_a_not_found_error_with_the_request_id()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => client.CloseConversationAsync("nope", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("Conversation not found", error.ErrorCode);
        Assert.Contains("could not be found", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.RequestId);
        Assert.Equal(Sim.LastRequestId, error.RequestId);
        Assert.Contains(error.RequestId, error.Message, StringComparison.Ordinal);
    }
}
