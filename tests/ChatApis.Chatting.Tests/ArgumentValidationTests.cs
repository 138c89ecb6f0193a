using ChatApis.Http;
using ChatApis.Chatting.Tests.Support;

namespace ChatApis.Chatting.Tests;

/// <summary>Bad input is rejected before anything is sent: the journal stays empty.</summary>
public sealed class ArgumentValidationTests : ChattingTestBase
{
    private static readonly Uri Hook = new("https://hooks.zapier.com/hooks/catch/123/abc");

    public static IEnumerable<object?[]> BadEmails =>
        [[null], [""], ["   "], ["lead"], ["lead@"], ["@example.com"], ["Ava <lead@example.com>"], ["a@example.com, b@example.com"], [" lead@example.com"]];

    [Theory]
    [MemberData(nameof(BadEmails))]
    public async Task A_missing_or_malformed_email_is_rejected(string? email)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.CreateContactAsync(new ChattingNewContact(email!), cancellationToken: Ct));

        Assert.Equal("contact", error.ParamName);
        Assert.Contains("Email", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_null_contact_is_rejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Client.CreateContactAsync(null!, cancellationToken: Ct));

        Assert.Equal("contact", error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task Empty_tags_and_custom_field_keys_are_rejected()
    {
        var tags = await Assert.ThrowsAsync<ArgumentException>(() => Client.CreateContactAsync(new ChattingNewContact("a@example.com") { Tags = ["vip", " "] }, cancellationToken: Ct));
        var fields = await Assert.ThrowsAsync<ArgumentException>(() => Client.CreateContactAsync(
            new ChattingNewContact("a@example.com") { CustomFields = new Dictionary<string, string> { [""] = "x" } }, cancellationToken: Ct));

        Assert.Equal("contact", tags.ParamName);
        Assert.Contains("Tags", tags.Message, StringComparison.Ordinal);
        Assert.Equal("contact", fields.ParamName);
        Assert.Contains("CustomFields", fields.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    public void A_caller_key_that_cannot_be_a_header_value_is_rejected_before_any_call(string key)
    {
        // The key now travels in RequestOptions, which refuses it when it is set: no call can carry it.
        var error = Assert.Throws<ArgumentException>(() => new RequestOptions { IdempotencyKey = key });

        Assert.Equal("IdempotencyKey", error.ParamName);
        Assert.Contains("255 visible ASCII", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public void A_caller_key_longer_than_255_characters_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new RequestOptions { IdempotencyKey = new string('k', 256) });

        Assert.Equal("IdempotencyKey", error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public void A_caller_key_of_exactly_255_characters_is_accepted()
    {
        Assert.Equal(new string('k', 255), new RequestOptions { IdempotencyKey = new string('k', 255) }.IdempotencyKey);
    }

    [Theory]
    [InlineData(null, "vip", "contactId")]
    [InlineData("", "vip", "contactId")]
    [InlineData(" ", "vip", "contactId")]
    [InlineData("contact_123", null, "tag")]
    [InlineData("contact_123", "", "tag")]
    [InlineData("contact_123", "  ", "tag")]
    public async Task AddContactTag_needs_a_contact_and_a_tag(string? contactId, string? tag, string param)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.AddContactTagAsync(contactId!, tag!, cancellationToken: Ct));

        Assert.Equal(param, error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [InlineData(null, "Hi", "conversationId")]
    [InlineData("", "Hi", "conversationId")]
    [InlineData("conv_123", null, "message")]
    [InlineData("conv_123", "", "message")]
    [InlineData("conv_123", "\t", "message")]
    public async Task SendMessage_needs_a_conversation_and_a_message(string? conversationId, string? message, string param)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.SendMessageAsync(conversationId!, message!, cancellationToken: Ct));

        Assert.Equal(param, error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    [InlineData(-1)]
    public async Task A_sample_limit_outside_1_to_50_is_rejected(int limit)
    {
        var conversations = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetRecentConversationTriggersAsync(limit, cancellationToken: Ct));
        var contacts = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetRecentContactTriggersAsync(limit, cancellationToken: Ct));

        Assert.All([conversations, contacts], e =>
        {
            Assert.Equal("limit", e.ParamName);
            Assert.Equal(limit, e.ActualValue);
            Assert.Contains("between 1 and 50", e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task Conversation_samples_reject_an_empty_event_and_contact_created()
    {
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => Client.GetRecentConversationTriggersAsync(null, new ChattingEvent(""), cancellationToken: Ct));
        var unset = await Assert.ThrowsAsync<ArgumentException>(() => Client.GetRecentConversationTriggersAsync(null, default(ChattingEvent), cancellationToken: Ct));
        var contact = await Assert.ThrowsAsync<ArgumentException>(() => Client.GetRecentConversationTriggersAsync(null, ChattingEvent.ContactCreated, cancellationToken: Ct));

        Assert.All([empty, unset, contact], e => Assert.Equal("event", e.ParamName));
        Assert.Contains("GetRecentContactTriggersAsync", contact.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task Subscribe_rejects_an_empty_event()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.SubscribeWebhookAsync(new ChattingEvent(" "), Hook, cancellationToken: Ct));
        var unset = await Assert.ThrowsAsync<ArgumentException>(() => Client.SubscribeWebhookAsync(default, Hook, cancellationToken: Ct));

        Assert.Equal("event", error.ParamName);
        Assert.Equal("event", unset.ParamName);
        Assert.Contains("conversation.created, conversation.resolved, contact.created or tag.added", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    public static IEnumerable<object?[]> BadTargets =>
    [
        [null],
        [new Uri("/hooks/catch/123", UriKind.Relative)],
        [new Uri("ftp://hooks.example.com/catch")],
        [new Uri("mailto:hooks@example.com")],
    ];

    [Theory]
    [MemberData(nameof(BadTargets))]
    public async Task Subscribe_rejects_a_target_that_is_not_an_absolute_http_url(Uri? target)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, target!, cancellationToken: Ct));

        Assert.Equal("targetUrl", error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Unsubscribe_needs_a_webhook_id(string? id)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.UnsubscribeWebhookAsync(id!, cancellationToken: Ct));

        Assert.Equal("webhookId", error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }
}
