using ChatApis.Chatting;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.Chatting;

// "Sample trigger payloads" (flattened data__ fields plus the nested data object) parse into typed
// triggers; the sample endpoints answer with a bare array of the same payloads (API notes [src]), so
// each sample test serves the document's payload in an array.
public sealed partial class ChattingContractTests
{
    [Fact]
    [Covers("EVENT conversation.created", Aspect.Response)]
    public void The_conversation_created_payload_parses_into_its_trigger() =>
        AssertConversationCreated(ChattingTrigger.Parse(Doc("sample-trigger-payloads.conversation-created.json")));

    [Fact]
    [Covers("EVENT conversation.resolved", Aspect.Response)]
    public void The_conversation_resolved_payload_parses_into_its_trigger() =>
        AssertConversationResolved(ChattingTrigger.Parse(Doc("sample-trigger-payloads.conversation-resolved.json")));

    [Fact]
    [Covers("EVENT contact.created", Aspect.Response)]
    public void The_contact_created_payload_parses_into_its_trigger() =>
        AssertContactCreated(ChattingTrigger.Parse(Doc("sample-trigger-payloads.contact-created.json")));

    [Fact]
    [Covers("EVENT tag.added", Aspect.Response)]
    public void The_tag_added_payload_parses_into_its_trigger() =>
        AssertTagAdded(ChattingTrigger.Parse(Doc("sample-trigger-payloads.tag-added.json")));

    [Fact]
    [Covers("GET /api/zapier/conversations", Aspect.Request | Aspect.Response)]
    public async Task The_conversation_sample_asks_for_one_and_reads_the_bare_array()
    {
        var stub = _wire.Expect(Get("/conversations").Query("limit", "1"), Reply.Json(200, Fixture.AsArray(Doc("sample-trigger-payloads.conversation-created.json"))));

        var samples = await _wire.CallAsync(ct => Client().GetRecentConversationTriggersAsync(1, cancellationToken: ct), stub);

        AssertConversationCreated(Assert.Single(samples.Value));
    }

    [Fact]
    [Covers("GET /api/zapier/conversations", Aspect.Request | Aspect.Response)]
    public async Task The_resolved_sample_asks_for_event_conversation_resolved()
    {
        var stub = _wire.Expect(
            Get("/conversations").Query("limit", "1").Query("event", "conversation.resolved"),
            Reply.Json(200, Fixture.AsArray(Doc("sample-trigger-payloads.conversation-resolved.json"))));

        var samples = await _wire.CallAsync(ct => Client().GetRecentConversationTriggersAsync(1, ChattingEvent.ConversationResolved, cancellationToken: ct), stub);

        AssertConversationResolved(Assert.Single(samples.Value));
    }

    [Fact]
    [Covers("GET /api/zapier/conversations", Aspect.Request | Aspect.Response)]
    public async Task The_tag_added_sample_asks_for_event_tag_added()
    {
        var stub = _wire.Expect(
            Get("/conversations").Query("limit", "1").Query("event", "tag.added"),
            Reply.Json(200, Fixture.AsArray(Doc("sample-trigger-payloads.tag-added.json"))));

        var samples = await _wire.CallAsync(ct => Client().GetRecentConversationTriggersAsync(1, ChattingEvent.TagAdded, cancellationToken: ct), stub);

        AssertTagAdded(Assert.Single(samples.Value));
    }

    [Fact]
    [Covers("GET /api/zapier/contacts", Aspect.Request | Aspect.Response)]
    public async Task The_contact_sample_asks_for_one_contact()
    {
        var stub = _wire.Expect(Get("/contacts").Query("limit", "1"), Reply.Json(200, Fixture.AsArray(Doc("sample-trigger-payloads.contact-created.json"))));

        var samples = await _wire.CallAsync(ct => Client().GetRecentContactTriggersAsync(1, cancellationToken: ct), stub);

        AssertContactCreated(Assert.Single(samples.Value));
    }

    private static void AssertConversationCreated(ChattingTrigger parsed)
    {
        var trigger = Assert.IsType<ConversationCreatedTrigger>(parsed);
        Assert.Equal(ChattingEvent.ConversationCreated, trigger.Event);
        Assert.Equal(Iso8601.At("2026-04-08T00:50:00.000Z"), trigger.Timestamp);
        Assert.Equal("conv_abc123", trigger.ConversationId);
        Assert.Equal("visitor@example.com", trigger.VisitorEmail);
        Assert.Equal("Ava Brooks", trigger.VisitorName);
        Assert.Equal("https://www.usechatting.com/pricing", trigger.PageUrl);
        Assert.Equal("Do you have a free plan?", trigger.FirstMessage);
        Assert.Empty(trigger.Tags);
        Assert.Null(trigger.AssignedTo);
        AssertRawJson(Doc("sample-trigger-payloads.conversation-created.json"), trigger.RawJson);
    }

    private static void AssertConversationResolved(ChattingTrigger parsed)
    {
        var trigger = Assert.IsType<ConversationResolvedTrigger>(parsed);
        Assert.Equal(ChattingEvent.ConversationResolved, trigger.Event);
        Assert.Equal(Iso8601.At("2026-04-08T00:50:00.000Z"), trigger.Timestamp);
        Assert.Equal("conv_abc123", trigger.ConversationId);
        Assert.Equal("visitor@example.com", trigger.VisitorEmail);
        Assert.Equal("owner@usechatting.com", trigger.ResolvedBy);
        Assert.Equal(8, trigger.MessageCount);
        Assert.Equal(420, trigger.DurationSeconds);
        Assert.Equal(TimeSpan.FromMinutes(7), trigger.Duration);
        AssertRawJson(Doc("sample-trigger-payloads.conversation-resolved.json"), trigger.RawJson);
    }

    private static void AssertContactCreated(ChattingTrigger parsed)
    {
        var trigger = Assert.IsType<ContactCreatedTrigger>(parsed);
        Assert.Equal(ChattingEvent.ContactCreated, trigger.Event);
        Assert.Equal(Iso8601.At("2026-04-08T01:30:00.000Z"), trigger.Timestamp);
        Assert.Equal("cnt_abc123", trigger.ContactId);
        Assert.Equal("visitor@example.com", trigger.Email);
        Assert.Equal("Ava Brooks", trigger.Name);
        Assert.Equal("Acme Corp", trigger.Company);
        Assert.Equal("chat_form", trigger.Source);
        AssertRawJson(Doc("sample-trigger-payloads.contact-created.json"), trigger.RawJson);
    }

    private static void AssertTagAdded(ChattingTrigger parsed)
    {
        var trigger = Assert.IsType<TagAddedTrigger>(parsed);
        Assert.Equal(ChattingEvent.TagAdded, trigger.Event);
        Assert.Equal(Iso8601.At("2026-04-08T02:00:00.000Z"), trigger.Timestamp);
        Assert.Equal("conv_abc123", trigger.ConversationId);
        Assert.Equal("vip", trigger.Tag);
        Assert.Equal("owner@usechatting.com", trigger.AddedBy);
        AssertRawJson(Doc("sample-trigger-payloads.tag-added.json"), trigger.RawJson);
    }
}
