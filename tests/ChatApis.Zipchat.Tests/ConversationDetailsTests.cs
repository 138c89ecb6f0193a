using System.Text.Json;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class ConversationDetailsTests : ZipchatTestBase
{
    private const string ShowPath = "/api/integrations/backend_api/v1/chats/1/conversations/12345";

    [Fact]
    public async Task Get_sends_only_the_parameters_given()
    {
        await Client.GetConversationAsync(12345, cancellationToken: Ct);
        await Client.GetConversationAsync(12345, messagePage: 3, messagePerPage: 200, messageCreatedAtSince: new DateTimeOffset(2025, 12, 31, 21, 0, 0, 500, TimeSpan.Zero), cancellationToken: Ct);

        var (plain, full) = (Sim.Journal.Requests[0], Sim.Journal.Requests[1]);
        Assert.Equal("GET", plain.Method);
        Assert.Equal(ShowPath, plain.Path);
        Assert.Equal("", plain.QueryString);
        AssertAuthorized(plain);
        Assert.Equal(ShowPath, full.Path);
        Assert.Equal("?message_page=3&message_per_page=200&message_created_at_since=2025-12-31T21%3A00%3A00.5Z", full.QueryString);
    }

    [Fact]
    public async Task Every_field_of_the_documented_shape_is_parsed_and_the_wrapper_removed()
    {
        Sim.Faults.On("GET", ShowPath).Once(Fault.Status(200, Fixture("conversation.json")));

        var conversation = (await Client.GetConversationAsync(12345, cancellationToken: Ct)).Value;

        Assert.Equal(12345, conversation.Id);
        Assert.Equal(1, conversation.ChatId);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), conversation.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 45, 0, TimeSpan.Zero), conversation.LastMessageAt);
        Assert.Equal(ConversationChannel.Web, conversation.Channel);
        Assert.False(conversation.ManualReplyMode);
        Assert.Null(conversation.LastEscalatedAt);
        Assert.Null(conversation.LastEscalationResolvedAt);
        Assert.Null(conversation.Assignee);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12345", conversation.ShareUrl);

        var lead = conversation.Lead!;
        Assert.Equal(100, lead.Id);
        Assert.Equal("John Doe", lead.FullName);
        Assert.Equal("john@example.com", lead.Email);
        Assert.Equal("+1234567890", lead.PhoneNumber);
        Assert.True(lead.EmailMarketingConsent);
        Assert.Equal("John", lead.FirstName);
        Assert.Equal("Doe", lead.LastName);
        Assert.Equal("7390123456789", lead.ShopifyCustomerId);
        Assert.Equal("gold", lead.AdditionalAttributes!.Value.GetProperty("plan").GetString());

        // The undocumented pagination metadata beside "conversation" is kept, not dropped.
        Assert.Equal(1, conversation.AdditionalProperties!["message_pagination"].GetProperty("page").GetInt32());

        Assert.Equal(4, conversation.Messages.Count);
        var hello = conversation.Messages[0];
        Assert.Equal(1, hello.Id);
        Assert.Equal(MessageRole.User, hello.Role);
        Assert.Equal("Hello", hello.Content);
        Assert.False(hello.ManualReply);
        Assert.Null(hello.Status);
        Assert.Null(hello.SenderId);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), hello.CreatedAt);

        var html = conversation.Messages[1];
        Assert.Equal(MessageRole.Assistant, html.Role);
        Assert.Equal("<p>Hi! How can I help?</p>", html.Content);
        Assert.Equal("delivered", html.Status);
        var htmlBlock = Assert.IsType<TextMessageBlock>(Assert.Single(html.GetBlocks()));
        Assert.Equal("<p>Hi! How can I help?</p>", htmlBlock.Text);
        Assert.Null(htmlBlock.RawJson);

        var blocks = conversation.Messages[2];
        Assert.Equal("""[{"type":"image","source":{"url":"..."}},{"type":"text","text":"..."}]""", blocks.Content);
        var parsed = blocks.GetBlocks();
        Assert.Equal(2, parsed.Count);
        Assert.Equal("...", Assert.IsType<ImageMessageBlock>(parsed[0]).Url);
        Assert.Equal("...", Assert.IsType<TextMessageBlock>(parsed[1]).Text);

        var manual = conversation.Messages[3];
        Assert.True(manual.ManualReply);
        Assert.Equal(7, manual.SenderId);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 45, 0, TimeSpan.Zero), manual.CreatedAt);
    }

    [Fact]
    public async Task The_simulated_conversation_has_the_expanded_lead_and_its_messages()
    {
        var response = await Client.GetConversationAsync(ZipchatSimulator.WebConversationId, cancellationToken: Ct);
        var conversation = response.Value;

        Assert.Equal(T0.AddHours(-3), conversation.CreatedAt);
        Assert.Equal(T0.AddHours(-2).AddMinutes(-45), conversation.LastMessageAt);
        var lead = conversation.Lead!;
        Assert.Equal("John", lead.FirstName);
        Assert.Equal("Doe", lead.LastName);
        Assert.Equal("John Doe", lead.FullName);
        Assert.Equal("7390123456789", lead.ShopifyCustomerId);
        Assert.Equal(3, lead.AdditionalAttributes!.Value.GetProperty("order_count").GetInt32());
        Assert.True(lead.AdditionalAttributes.Value.GetProperty("vip").GetBoolean());

        Assert.Equal(4, conversation.Messages.Count);
        Assert.Equal(["user", "assistant", "user", "assistant"], conversation.Messages.Select(m => m.Role.Value));
        Assert.Equal("Hi, where is my order #1001?", conversation.Messages[0].Content);
        Assert.Equal(T0.AddHours(-3), conversation.Messages[0].CreatedAt);
        Assert.Null(conversation.Messages[0].Status);
        Assert.Equal("delivered", conversation.Messages[1].Status);
        Assert.Equal(ZipchatSimulator.BlockMessageContent, conversation.Messages[2].Content);
        var blocks = conversation.Messages[2].GetBlocks();
        Assert.Equal("https://cdn.zipchat.ai/uploads/receipt-1001.png", Assert.IsType<ImageMessageBlock>(blocks[0]).Url);
        Assert.Equal("Here is my receipt", Assert.IsType<TextMessageBlock>(blocks[1]).Text);
        Assert.Equal(120, response.RateLimit!.Limit);
        Assert.Equal(119, response.RateLimit.Remaining);
        Assert.Equal(T0.AddSeconds(60), response.RateLimit.ResetAt);
    }

    [Fact]
    public async Task A_bare_conversation_object_is_read_too()
    {
        using var fixture = JsonDocument.Parse(Fixture("conversation.json"));
        var bare = fixture.RootElement.GetProperty("conversation").GetRawText();
        Sim.Faults.On("GET", ShowPath).Once(Fault.Status(200, bare));

        var conversation = (await Client.GetConversationAsync(12345, cancellationToken: Ct)).Value;

        Assert.Equal(12345, conversation.Id);
        Assert.Equal(4, conversation.Messages.Count);
        Assert.Null(conversation.AdditionalProperties);
    }

    [Fact]
    public async Task A_conversation_of_another_chat_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.GetConversationAsync(ZipchatSimulator.OtherChatConversationId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.NotFound.Value, ex.ErrorCode);
        Assert.Contains("Conversation not found", ex.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Zipchat", ex.Vendor);
    }

    [Fact]
    public async Task Messages_stream_across_message_pages_until_a_short_page()
    {
        Sim.AddGeneratedMessages(ZipchatSimulator.WebConversationId, 7); // 4 seeded + 7 = 11: pages of 5, 5, 1

        var pages = new List<Pagination.Page<ZipchatMessage>>();
        await foreach (var page in Client.ListMessagesAsync(ZipchatSimulator.WebConversationId, messagePerPage: 5, cancellationToken: Ct).AsPages(Ct))
        {
            pages.Add(page);
        }

        Assert.Equal([5, 5, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(
            ["?message_page=1&message_per_page=5", "?message_page=2&message_per_page=5", "?message_page=3&message_per_page=5"],
            Sim.Journal.Requests.Select(r => r.QueryString));
        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(11, all.Select(m => m.Id).Distinct().Count());
        Assert.Equal(all.OrderBy(m => m.CreatedAt).Select(m => m.Id), all.Select(m => m.Id));
        Assert.All(pages, p => Assert.NotNull(p.Response.RateLimit));
    }

    [Fact]
    public async Task Messages_stream_with_a_since_filter()
    {
        var since = T0.AddHours(-2).AddMinutes(-50);
        var messages = new List<ZipchatMessage>();
        await foreach (var message in Client.ListMessagesAsync(ZipchatSimulator.WebConversationId, messageCreatedAtSince: since, cancellationToken: Ct))
        {
            messages.Add(message);
        }

        Assert.Equal(2, messages.Count);
        Assert.Equal("?message_page=1&message_per_page=100&message_created_at_since=2025-12-31T21%3A10%3A00Z", Sim.Journal.Last.QueryString);
    }
}
