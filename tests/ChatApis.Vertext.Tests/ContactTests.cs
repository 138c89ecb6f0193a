using ChatApis.Testing;
using ChatApis.Testing.Vertext;

namespace ChatApis.Vertext.Tests;

public class ContactTests : VertextTestBase
{
    private static void AssertListExample(VertextContact c)
    {
        Assert.Equal("8fb610b3-a7d1-4407-9940-98bab3ffa8cc", c.Id);
        Assert.Equal("", c.Name);
        Assert.Equal("", c.Email);
        Assert.Equal("", c.Phone);
        Assert.Equal("", c.Notes);
        Assert.Equal(VertextContactSource.Widget, c.Source);
        Assert.Null(c.MetaPsid);
        Assert.Equal("c8e5796b-13f5-470b-b92a-61f67fc2b3ff", c.WidgetConversationId);
        Assert.True(c.IsAutomationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755349448), c.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755356254), c.LastInteraction);
        Assert.Equal("7a81c98d-12c9-4edf-a1ac-df136762d677", c.ChatbotId);
        Assert.True(c.IsUnread);
        Assert.Equal(VertextContactLifecycle.Lead, c.Lifecycle);
        Assert.True(c.IsFromWidget);
        Assert.False(c.IsFromMeta);
    }

    // The document's own text, with its no-break space.
    private const string DocumentsEmail = "[email\u00A0protected]";

    // The simulator seeds a plausible email where the documents show "[email protected]" obfuscation.
    private static void AssertModelExample(VertextContact c, string email)
    {
        Assert.Equal("8f2c1a50-3c70-4e25-a903-da8995d244a3", c.Id);
        Assert.Equal("John Doe", c.Name);
        Assert.Equal(email, c.Email);
        Assert.Equal("555-1234", c.Phone);
        Assert.Equal("", c.Notes);
        Assert.Equal(VertextContactSource.Widget, c.Source);
        Assert.Null(c.MetaPsid);
        Assert.Equal("d39c8220-69ec-438b-8633-b9c827e976ca", c.WidgetConversationId);
        Assert.True(c.IsAutomationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755605814), c.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755605815), c.LastInteraction);
        Assert.Equal("7a81c98d-12c9-4edf-a1ac-df136762d677", c.ChatbotId);
        Assert.True(c.IsUnread);
        Assert.Equal(VertextContactLifecycle.Lead, c.Lifecycle);
    }

    [Fact]
    public async Task A_page_of_contacts_sends_the_documented_request_and_parses_every_field()
    {
        var page = await Client.GetContactsPageAsync(VertextSimulator.ContactsChatbotId, 0, 2, cancellationToken: TestContext.Current.CancellationToken);

        var request = Sim.Journal.Last;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/contacts/7a81c98d-12c9-4edf-a1ac-df136762d677", request.Path);
        Assert.Equal("?page=0&per_page=2", request.QueryString);
        Assert.Equal("Bearer " + VertextSimulator.AccessToken, request.Headers["Authorization"]);
        AssertListExample(page.Value[0]);
        AssertModelExample(page.Value[1], "john.doe@example.com");
    }

    [Fact]
    public async Task The_documents_contact_examples_parse_verbatim()
    {
        Sim.Faults.On("GET", "/contacts/*").Once(Fault.Status(200, Fixture("contacts-list.json"))).Then(Fault.Status(200, "[" + Fixture("contact.json") + "]"));

        AssertListExample(Assert.Single((await Client.GetContactsPageAsync("any", cancellationToken: TestContext.Current.CancellationToken)).Value));
        AssertModelExample(Assert.Single((await Client.GetContactsPageAsync("any", cancellationToken: TestContext.Current.CancellationToken)).Value), DocumentsEmail);
    }

    [Fact]
    public async Task A_contact_from_a_Meta_app_has_a_psid_and_no_widget_conversation()
    {
        var page = await Client.GetContactsPageAsync(VertextSimulator.ContactsChatbotId, 1, 2, cancellationToken: TestContext.Current.CancellationToken);

        var meta = Assert.Single(page.Value);
        Assert.Equal("3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", meta.Id);
        Assert.Equal("Maria Lopez", meta.Name);
        Assert.Equal("", meta.Email);
        Assert.Equal("", meta.Phone);
        Assert.Equal("Asked about shipping to Spain.", meta.Notes);
        Assert.True(meta.IsFromMeta);
        Assert.False(meta.IsFromWidget);
        Assert.Equal("24681357902468135", meta.MetaPsid);
        Assert.Null(meta.WidgetConversationId);
        Assert.Equal("Messenger", meta.Source.Value);
        Assert.Equal("Customer", meta.Lifecycle.Value);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755500000), meta.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755503600), meta.LastInteraction);
        Assert.Equal(VertextSimulator.ContactsChatbotId, meta.ChatbotId);

        // The two flags differ here (the documents' examples have both true), so each is pinned to its own field.
        Assert.False(meta.IsAutomationEnabled);
        Assert.True(meta.IsUnread);
        Assert.Null(meta.AdditionalProperties);
        Assert.Equal("?page=1&per_page=2", Sim.Journal.Last.QueryString);
    }

    [Fact]
    public async Task The_unread_and_automation_flags_are_each_read_from_their_own_field()
    {
        Sim.Faults.On("GET", "/contacts/*").Once(Fault.Status(200, Fixture("contacts-flags-differ.json")));

        var page = await Client.GetContactsPageAsync(VertextSimulator.ContactsChatbotId, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, page.Value.Count);
        var automated = page.Value[0];
        Assert.Equal("5d0c7f3a-1b2e-4c8d-9a6f-2e4b8c1d7a90", automated.Id);
        Assert.Equal("Ana Silva", automated.Name);
        Assert.Equal("ana@example.com", automated.Email);
        Assert.Equal("+351 900 000 000", automated.Phone);
        Assert.Equal("Automated, nothing unread.", automated.Notes);
        Assert.Equal(VertextContactSource.Widget, automated.Source);
        Assert.Null(automated.MetaPsid);
        Assert.Equal("0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f", automated.WidgetConversationId);
        Assert.True(automated.IsAutomationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755700000), automated.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755700900), automated.LastInteraction);
        Assert.Equal("7a81c98d-12c9-4edf-a1ac-df136762d677", automated.ChatbotId);
        Assert.False(automated.IsUnread);
        Assert.Equal(VertextContactLifecycle.Lead, automated.Lifecycle);
        Assert.Null(automated.AdditionalProperties);

        var waiting = page.Value[1];
        Assert.Equal("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", waiting.Id);
        Assert.Equal("Ben Okafor", waiting.Name);
        Assert.Equal("", waiting.Email);
        Assert.Equal("", waiting.Phone);
        Assert.Equal("A human took over; a message is waiting.", waiting.Notes);
        Assert.Equal("Instagram", waiting.Source.Value);
        Assert.Equal("13579246801357924", waiting.MetaPsid);
        Assert.Null(waiting.WidgetConversationId);
        Assert.False(waiting.IsAutomationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755710000), waiting.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755713600), waiting.LastInteraction);
        Assert.Equal("7a81c98d-12c9-4edf-a1ac-df136762d677", waiting.ChatbotId);
        Assert.True(waiting.IsUnread);
        Assert.Equal("Customer", waiting.Lifecycle.Value);
        Assert.Null(waiting.AdditionalProperties);
    }

    [Fact]
    public async Task Pages_are_zero_based_indexes_so_the_first_contacts_are_on_page_0()
    {
        // Content, not only query strings: a walk that started at page 1, or a page read as 1-based,
        // would skip or repeat the first five contacts.
        Sim.AddGeneratedContacts(VertextSimulator.DemoChatbotId, 13);
        var ct = TestContext.Current.CancellationToken;

        var all = await Client.ListContactsAsync(VertextSimulator.DemoChatbotId, 5, cancellationToken: ct).ToListAsync(ct);
        var first = await Client.GetContactsPageAsync(VertextSimulator.DemoChatbotId, cancellationToken: ct);
        var third = await Client.GetContactsPageAsync(VertextSimulator.DemoChatbotId, 2, 5, cancellationToken: ct);

        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"Visitor {i}"), all.Select(c => c.Name));
        Assert.Equal(Enumerable.Range(0, 13).Select(i => $"Visitor {i}"), first.Value.Select(c => c.Name));
        // A one-page call sends only what the caller gave: Vertext's defaults (page 0, 100 per page) apply.
        Assert.Equal("", Sim.Journal.Requests[^2].QueryString);
        Assert.Equal(["Visitor 10", "Visitor 11", "Visitor 12"], third.Value.Select(c => c.Name));
        Assert.Equal("?page=2&per_page=5", Sim.Journal.Last.QueryString);
    }

    [Fact]
    public async Task Listing_contacts_pages_until_a_short_page()
    {
        Sim.AddGeneratedContacts(VertextSimulator.DemoChatbotId, 13);

        var pages = await Client.ListContactsAsync(VertextSimulator.DemoChatbotId, 5, cancellationToken: TestContext.Current.CancellationToken).AsPages(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([5, 5, 3], pages.Select(p => p.Items.Count));
        Assert.Equal([0, 1, 2], pages.Select(p => p.PageNumber!.Value));
        Assert.Equal(13, pages.SelectMany(p => p.Items).Select(c => c.Id).Distinct().Count());
        Assert.All(pages.SelectMany(p => p.Items), c =>
        {
            // Generated contacts have automation on and nothing unread: the flags differ here too.
            Assert.True(c.IsAutomationEnabled);
            Assert.False(c.IsUnread);
        });
        Assert.Equal(["?page=0&per_page=5", "?page=1&per_page=5", "?page=2&per_page=5"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task Contacts_of_a_chatbot_that_is_not_the_users_are_not_found()
    {
        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.GetContactsPageAsync(VertextSimulator.ForeignChatbotId, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Chatbot does not exist or does not belong to the user.", error.Message, StringComparison.Ordinal);
        Assert.Equal("Vertext", error.Vendor);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_chatbot_id_is_refused_before_any_request(string? chatbotId)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.GetContactsPageAsync(chatbotId!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("chatbotId", error.ParamName);
        Assert.ThrowsAny<ArgumentException>(() => Client.ListContactsAsync(chatbotId!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task Bad_contact_paging_is_refused_before_any_request()
    {
        Assert.Equal("pageIndex", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetContactsPageAsync("b", -1, 10, cancellationToken: TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("perPage", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetContactsPageAsync("b", 0, 0, cancellationToken: TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }
}
