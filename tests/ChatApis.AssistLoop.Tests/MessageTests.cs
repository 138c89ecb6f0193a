using ChatApis.AssistLoop;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

public sealed class MessageTests : AssistLoopTestBase
{
    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task A_messages_page_sends_the_filters_and_parses_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find";
        Serve("GET", path, Fixture(surface, "messages"));

        var response = await client.GetMessagesPageAsync(
            "550e8400-e29b-41d4-a716-446655440000", Utc("2025-01-01T00:00:00Z"), Utc("2025-02-01T00:00:00.5Z"), 20, cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal("?created_from=2025-01-01T00%3A00%3A00Z&created_to=2025-02-01T00%3A00%3A00.5Z&per_page=20", request.QueryString);
        AssertBearer(request);

        var day = surface == AssistLoopSurface.Make ? "2024-11-12T10:30" : "2025-01-20T16:00";
        Assert.Collection(
            response.Value,
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
                Assert.Equal(Utc(day + ":15Z"), agent.CreatedAt);
                Assert.Null(agent.UserFeedback);
                Assert.Equal("Customer Support Agent", agent.SenderName);
                Assert.Empty(agent.Attachments);
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
                Assert.Equal(Utc(day + ":00Z"), guest.CreatedAt);
                Assert.Null(guest.UserFeedback);
                Assert.Equal("Jane Smith", guest.SenderName);
                Assert.Empty(guest.Attachments);
            });
    }

    [Fact]
    public async Task Unknown_feedback_and_attachments_are_kept()
    {
        var client = Client();
        const string json = """[{"id":"m1","uuid":"u1","content":"x","type":"agent","responder_type":"robot","created_at":"2025-01-20T16:00:15.000000Z","user_feedback":"not-allowed","attachments":[{"url":"https://files.example/a.png"}],"sender_name":"Bot","via":"email","new_field":7}]""";
        Serve("GET", "/api/v1/automation/conversations/c/messages/find", json);

        var message = Assert.Single((await client.GetMessagesPageAsync("c", cancellationToken: TestContext.Current.CancellationToken)).Value);

        Assert.Equal(AssistLoopUserFeedback.NotAllowed, message.UserFeedback);
        Assert.Equal("robot", message.ResponderType!.Value.Value);
        Assert.Equal("https://files.example/a.png", Assert.Single(message.Attachments).GetProperty("url").GetString());
        Assert.Equal(7, message.AdditionalProperties!["new_field"].GetInt32());
    }

    [Fact]
    public async Task Finding_messages_walks_back_in_time_with_created_to_and_drops_boundary_duplicates()
    {
        var client = Client();
        var conversation = Sim.StartConversation(AssistLoopSimulator.AgentUuid, "Ann", null, "first");
        var start = Clock.GetUtcNow();

        // 24 more messages; three share the timestamp that ends the first page (a page boundary).
        for (var i = 1; i <= 24; i++)
        {
            var at = i is >= 14 and <= 16 ? start.AddMinutes(14) : start.AddMinutes(i);
            Sim.AddGuestMessage(conversation, $"m{i}", at);
        }

        var seen = new List<AssistLoopMessage>();
        await foreach (var message in client.ListMessagesAsync(conversation, perPage: 10, cancellationToken: TestContext.Current.CancellationToken))
        {
            seen.Add(message);
        }

        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Select(m => m.Id).Distinct().Count());
        Assert.Equal(seen.OrderByDescending(m => m.CreatedAt).Select(m => m.CreatedAt), seen.Select(m => m.CreatedAt));
        Assert.Equal("first", seen[^1].Content);

        var finds = Sim.Journal.Where("GET", $"/api/v1/automation/conversations/{conversation}/messages/find");
        Assert.Equal("?per_page=10", finds[0].QueryString);
        // The next page asks for everything before the second after the page's oldest message, so messages
        // sharing that second come back under a strict reading of "before" too (the duplicates are dropped).
        var oldestSecond = new DateTimeOffset(seen[9].CreatedAt.UtcTicks - (seen[9].CreatedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        Assert.Equal($"?created_to={Uri.EscapeDataString(ChatApis.Http.WireFormat.Iso8601(oldestSecond.AddSeconds(1)))}&per_page=10", finds[1].QueryString);
        Assert.True(finds.Count >= 3);
    }

    [Fact]
    public async Task Pages_expose_the_response_metadata()
    {
        var client = Client();

        var pages = new List<ChatApis.Pagination.Page<AssistLoopMessage>>();
        await foreach (var page in client.ListMessagesAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken).AsPages(TestContext.Current.CancellationToken))
        {
            pages.Add(page);
        }

        var only = Assert.Single(pages);
        Assert.Equal(["msg_abc124", "msg_abc123"], only.Items.Select(m => m.Id));
        Assert.False(only.HasMore);
        Assert.NotNull(only.Response.RequestId);
        Assert.Equal("?per_page=20", Sim.Journal.Last.QueryString);
    }

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Reply_sends_the_content_and_parses_the_documented_example(AssistLoopSurface surface)
    {
        var client = Client(surface);
        var path = BasePath(surface) + "automation/conversations/550e8400-e29b-41d4-a716-446655440000/reply";
        Serve("POST", path, Fixture(surface, "reply"));

        var response = await client.ReplyAsync("550e8400-e29b-41d4-a716-446655440000", "Thank you for contacting us. A support agent will be with you shortly.", cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(path, request.Path);
        AssertBearer(request);
        AssertJsonBody(request, """{"content":"Thank you for contacting us. A support agent will be with you shortly."}""");
        Assert.Equal("sent", response.Value.Status);
        Assert.Equal("msg_xyz789", response.Value.MessageId);
    }

    [Fact]
    public async Task Reply_adds_a_human_agent_message_and_switches_to_human_mode()
    {
        var client = Client();

        var response = await client.ReplyAsync(AssistLoopSimulator.ConversationUuid, "On it", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("human", Sim.GetConversation(AssistLoopSimulator.ConversationUuid)!.ResponseMode);
        var newest = Assert.IsType<AssistLoopMessage>((await client.GetMessagesPageAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: TestContext.Current.CancellationToken)).Value[0]);
        Assert.Equal(response.Value.MessageId, newest.Id);
        Assert.Equal(AssistLoopMessageType.Agent, newest.Type);
        Assert.Equal(AssistLoopResponderType.HumanAssistant, newest.ResponderType);
        Assert.Equal("On it", newest.Content);
    }

    [Fact]
    public async Task A_reply_whose_response_is_lost_is_not_retried_and_its_outcome_is_unknown()
    {
        var client = Client(configure: o => o.MaxRetries = 3);
        Sim.Faults.On("POST", "/api/v1/automation/conversations/*").Once(Fault.DropResponseAfterProcessing());

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => client.ReplyAsync(AssistLoopSimulator.ConversationUuid, "Once only", cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Single(Sim.Journal.Where("POST", $"/api/v1/automation/conversations/{AssistLoopSimulator.ConversationUuid}/reply"));
        Assert.Equal(3, Sim.GetConversation(AssistLoopSimulator.ConversationUuid)!.MessageCount);
    }
}
