using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class ConversationListTests : ZipchatTestBase
{
    private const string ListPath = "/api/integrations/backend_api/v1/chats/1/conversations";

    [Fact]
    public async Task Get_page_sends_the_documented_request()
    {
        var since = new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.FromHours(1));

        await Client.GetConversationsPageAsync(page: 2, perPage: 25, lastMessageAtSince: since, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(ListPath, request.Path);
        Assert.Equal("?page=2&per_page=25&last_message_at_since=2025-12-31T22%3A00%3A00Z", request.QueryString);
        AssertAuthorized(request);
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task Get_page_sends_no_paging_when_none_is_given_so_the_api_defaults_apply()
    {
        // The dialect: a one-page method sends only what the caller gave (the API's own default is page 1 of 50).
        await Client.GetConversationsPageAsync(cancellationToken: Ct);

        Assert.Equal("", Sim.Journal.Last.QueryString);
    }

    [Fact]
    public async Task Get_page_sends_each_paging_parameter_the_caller_gave_and_only_that()
    {
        await Client.GetConversationsPageAsync(perPage: 10, cancellationToken: Ct);
        await Client.GetConversationsPageAsync(page: 3, cancellationToken: Ct);

        Assert.Equal(["?per_page=10", "?page=3"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task Every_field_of_the_documented_example_is_parsed()
    {
        Sim.Faults.On("GET", ListPath).Once(Fault.Status(200, Fixture("conversations.json")));

        var response = await Client.GetConversationsPageAsync(cancellationToken: Ct);

        Assert.Equal(2, response.Value.Conversations.Count);
        var first = response.Value.Conversations[0];
        Assert.Equal(12345, first.Id);
        Assert.Equal(1, first.ChatId);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 30, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 10, 45, 0, TimeSpan.Zero), first.LastMessageAt);
        Assert.Equal(ConversationChannel.Web, first.Channel);
        Assert.False(first.ManualReplyMode);
        Assert.Null(first.LastEscalatedAt);
        Assert.Null(first.LastEscalationResolvedAt);
        Assert.Null(first.Assignee);
        Assert.False(first.HasOpenEscalation);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12345", first.ShareUrl);
        var lead = Assert.IsType<Lead>(first.Lead);
        Assert.Equal(100, lead.Id);
        Assert.Equal("John Doe", lead.FullName);
        Assert.Equal("john@example.com", lead.Email);
        Assert.Equal("+1234567890", lead.PhoneNumber);
        Assert.True(lead.EmailMarketingConsent);
        Assert.Null(lead.FirstName);
        Assert.Null(lead.LastName);
        Assert.Null(lead.ShopifyCustomerId);
        Assert.Null(lead.AdditionalAttributes);
        Assert.Null(first.AdditionalProperties);

        var second = response.Value.Conversations[1];
        Assert.Equal(12346, second.Id);
        Assert.Equal(ConversationChannel.Chat, second.Channel);
        Assert.True(second.ManualReplyMode);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 5, 0, TimeSpan.Zero), second.LastEscalatedAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 9, 15, 0, TimeSpan.Zero), second.LastEscalationResolvedAt);
        Assert.False(second.HasOpenEscalation);
        Assert.Equal(7, second.Assignee!.Id);
        Assert.Null(second.Assignee.AvatarUrl);
        Assert.Null(second.Lead);
    }

    [Fact]
    public async Task The_simulator_list_is_latest_first_with_every_field()
    {
        var response = await Client.GetConversationsPageAsync(cancellationToken: Ct);

        var ids = response.Value.Conversations.Select(c => c.Id).ToArray();
        Assert.Equal(
            [ZipchatSimulator.EscalatedEmailConversationId, ZipchatSimulator.MessengerConversationId, ZipchatSimulator.WhatsAppConversationId, ZipchatSimulator.WebConversationId, ZipchatSimulator.StaleInstagramConversationId],
            ids);

        var email = response.Value.Conversations[0];
        Assert.Equal(1, email.ChatId);
        Assert.Equal(ConversationChannel.Email, email.Channel);
        Assert.Equal(T0.AddHours(-1), email.CreatedAt);
        Assert.Equal(T0.AddMinutes(-10), email.LastMessageAt);
        Assert.False(email.ManualReplyMode);
        Assert.Equal(T0.AddMinutes(-10), email.LastEscalatedAt);
        Assert.Null(email.LastEscalationResolvedAt);
        Assert.True(email.HasOpenEscalation);
        Assert.Null(email.Assignee);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12346", email.ShareUrl);
        Assert.Equal(101, email.Lead!.Id);
        Assert.Equal("Ana Silva", email.Lead.FullName);
        Assert.Equal("ana@example.com", email.Lead.Email);
        Assert.Null(email.Lead.PhoneNumber);
        Assert.False(email.Lead.EmailMarketingConsent);

        var messenger = response.Value.Conversations[1];
        Assert.Equal(ConversationChannel.Messenger, messenger.Channel);
        Assert.True(messenger.Channel.IsMetaChannel);
        Assert.Null(messenger.Lead);

        var whatsapp = response.Value.Conversations[2];
        Assert.Equal(ConversationChannel.WhatsApp, whatsapp.Channel);
        Assert.True(whatsapp.ManualReplyMode);
        Assert.Equal(T0.AddHours(-5), whatsapp.LastEscalatedAt);
        Assert.Equal(T0.AddHours(-4), whatsapp.LastEscalationResolvedAt);
        Assert.False(whatsapp.HasOpenEscalation);
        Assert.Equal(ZipchatSimulator.OwnerUserId, whatsapp.Assignee!.Id);
        Assert.Equal("https://cdn.zipchat.ai/avatars/501.png", whatsapp.Assignee.AvatarUrl);
        Assert.Equal("Olivia Owner", whatsapp.Assignee.AdditionalProperties!["name"].GetString());

        var instagram = response.Value.Conversations[4];
        Assert.Equal(ConversationChannel.Instagram, instagram.Channel);
        Assert.Equal(ZipchatSimulator.ParticipantUserId, instagram.Assignee!.Id);
        Assert.Null(instagram.Assignee.AvatarUrl);
        Assert.False(ConversationChannel.Web.IsMetaChannel);
        Assert.False(ConversationChannel.Email.IsMetaChannel);
    }

    [Fact]
    public async Task The_since_filter_is_applied_by_the_server()
    {
        var response = await Client.GetConversationsPageAsync(lastMessageAtSince: T0.AddMinutes(-30), cancellationToken: Ct);

        Assert.Equal([ZipchatSimulator.EscalatedEmailConversationId], response.Value.Conversations.Select(c => c.Id));
        Assert.Equal("?last_message_at_since=2025-12-31T23%3A30%3A00Z", Sim.Journal.Last.QueryString);
    }

    [Fact]
    public async Task Auto_pagination_walks_pages_until_a_short_page()
    {
        Sim.AddGeneratedConversations(6); // 5 seeded + 6 = 11: pages of 4, 4, 3

        var pages = new List<Pagination.Page<ZipchatConversation>>();
        await foreach (var page in Client.ListConversationsAsync(perPage: 4, cancellationToken: Ct).AsPages(Ct))
        {
            pages.Add(page);
        }

        Assert.Equal([4, 4, 3], pages.Select(p => p.Items.Count));
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber!.Value));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(["?page=1&per_page=4", "?page=2&per_page=4", "?page=3&per_page=4"], Sim.Journal.Requests.Select(r => r.QueryString));
        Assert.Equal(11, pages.SelectMany(p => p.Items).Select(c => c.Id).Distinct().Count());
        Assert.Equal([119, 118, 117], pages.Select(p => p.Response.RateLimit!.Remaining!.Value));
    }

    [Fact]
    public async Task Auto_pagination_as_items_with_a_since_filter_and_an_exact_last_page()
    {
        Sim.AddGeneratedConversations(3); // 8 conversations: pages of 4, 4 and an empty third

        var all = new List<ZipchatConversation>();
        await foreach (var conversation in Client.ListConversationsAsync(perPage: 4, lastMessageAtSince: T0.AddYears(-1), cancellationToken: Ct))
        {
            all.Add(conversation);
        }

        Assert.Equal(8, all.Count);
        Assert.Equal(3, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("2025-01-01T00:00:00Z", r.Query["last_message_at_since"]));
    }

    [Fact]
    public async Task Nulls_missing_fields_unknown_values_and_new_fields_do_not_break_parsing()
    {
        Sim.Faults.On("GET", ListPath).Once(Fault.Status(200, """
            {"conversations": [{"id": "12345", "chat_id": null, "created_at": null, "channel": "tiktok", "manual_reply_mode": null,
              "lead": {"id": 100, "email_marketing_consent": null}, "assignee": {"id": 7}, "priority": "high"}],
             "meta": {"total": 1}}
            """));

        var response = await Client.GetConversationsPageAsync(cancellationToken: Ct);

        var conversation = Assert.Single(response.Value.Conversations);
        Assert.Equal(12345, conversation.Id);
        Assert.Equal(0, conversation.ChatId);
        Assert.Equal(default, conversation.CreatedAt);
        Assert.Null(conversation.LastMessageAt);
        Assert.Equal("tiktok", conversation.Channel.Value);
        Assert.False(conversation.Channel.IsMetaChannel);
        Assert.False(conversation.ManualReplyMode);
        Assert.Null(conversation.ShareUrl);
        Assert.Null(conversation.Lead!.EmailMarketingConsent);
        Assert.Null(conversation.Lead.FullName);
        Assert.Null(conversation.Assignee!.AvatarUrl);
        Assert.Equal("high", conversation.AdditionalProperties!["priority"].GetString());
        Assert.Equal(1, response.Value.AdditionalProperties!["meta"].GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("per_page=-1", "per_page")]
    [InlineData("last_message_at_since=2026-13-45T00:00:00Z", "last_message_at_since")]
    public async Task The_simulator_rejects_bad_query_parameters_with_422(string query, string parameter)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiBase, "chats/1/conversations?" + query));
        request.Headers.Authorization = new("Bearer", ZipchatSimulator.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.StartsWith($$"""{"error":"Invalid parameter: {{parameter}} must be""", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal("120", response.Headers.GetValues("X-RateLimit-Limit").Single());
    }
}
