using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Chatting.Tests;

public sealed class SampleTriggerTests : ChattingTestBase
{
    [Fact]
    public async Task Conversation_samples_default_to_conversation_created_and_read_the_bare_array()
    {
        var response = await Client.GetRecentConversationTriggersAsync(cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        AssertRequest(request, "GET", "/api/zapier/conversations");
        Assert.Empty(request.BodyBytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trigger = Assert.IsType<ConversationCreatedTrigger>(Assert.Single(response.Value));
        TriggerAssertions.DocumentedConversationCreated(trigger);
        Assert.Equal(Fixture("trigger-conversation-created.json").Trim(), trigger.RawJson);
    }

    [Fact]
    public async Task Resolved_samples_send_limit_then_event_as_documented()
    {
        var response = await Client.GetRecentConversationTriggersAsync(1, ChattingEvent.ConversationResolved, cancellationToken: Ct);

        AssertRequest(Sim.Journal.Last, "GET", "/api/zapier/conversations", "?limit=1&event=conversation.resolved");
        TriggerAssertions.DocumentedConversationResolved(Assert.IsType<ConversationResolvedTrigger>(Assert.Single(response.Value)));
    }

    [Fact]
    public async Task Tag_added_samples_read_the_documented_payload()
    {
        var response = await Client.GetRecentConversationTriggersAsync(1, ChattingEvent.TagAdded, cancellationToken: Ct);

        AssertRequest(Sim.Journal.Last, "GET", "/api/zapier/conversations", "?limit=1&event=tag.added");
        TriggerAssertions.DocumentedTagAdded(Assert.IsType<TagAddedTrigger>(Assert.Single(response.Value)));
    }

    [Fact]
    public async Task Contact_samples_read_the_documented_payload()
    {
        var response = await Client.GetRecentContactTriggersAsync(1, cancellationToken: Ct);

        AssertRequest(Sim.Journal.Last, "GET", "/api/zapier/contacts", "?limit=1");
        TriggerAssertions.DocumentedContactCreated(Assert.IsType<ContactCreatedTrigger>(Assert.Single(response.Value)));
    }

    [Fact]
    public async Task Samples_are_newest_first_and_honour_the_limit()
    {
        SimClock.Advance(TimeSpan.FromHours(1));
        await Client.CreateContactAsync(new ChattingNewContact("first@example.com") { Name = "First", Company = "One" }, cancellationToken: Ct);
        SimClock.Advance(TimeSpan.FromMinutes(1));
        await Client.CreateContactAsync(new ChattingNewContact("second@example.com"), cancellationToken: Ct);

        var two = (await Client.GetRecentContactTriggersAsync(2, cancellationToken: Ct)).Value;
        var all = (await Client.GetRecentContactTriggersAsync(cancellationToken: Ct)).Value;

        Assert.Equal("?limit=2", Sim.Journal.Requests[2].QueryString);
        Assert.Equal("", Sim.Journal.Last.QueryString);
        Assert.Equal(["second@example.com", "first@example.com"], two.Cast<ContactCreatedTrigger>().Select(t => t.Email));
        Assert.Equal(3, all.Count);
        var first = Assert.IsType<ContactCreatedTrigger>(all[1]);
        Assert.Equal("contact_124", first.ContactId);
        Assert.Equal("First", first.Name);
        Assert.Equal("One", first.Company);
        Assert.Equal("zapier", first.Source);
        Assert.Equal(DocumentDay.AddHours(1), first.Timestamp);
        var second = Assert.IsType<ContactCreatedTrigger>(all[0]);
        Assert.Null(second.Name);
        Assert.Null(second.Company);
    }

    [Fact]
    public async Task The_limit_bounds_are_sent()
    {
        await Client.GetRecentConversationTriggersAsync(50, cancellationToken: Ct);
        await Client.GetRecentContactTriggersAsync(1, cancellationToken: Ct);

        Assert.Equal("?limit=50", Sim.Journal.Requests[0].QueryString);
        Assert.Equal("?limit=1", Sim.Journal.Requests[1].QueryString);
    }

    [Fact]
    public async Task A_sample_of_an_unknown_event_is_kept_as_an_unknown_trigger()
    {
        Sim.Faults.On("GET", "/api/zapier/conversations").Once(Fault.ReplaceBody(
            """[{"event":"conversation.rated","timestamp":"2026-04-09T08:00:00.000Z","data__rating":5,"data":{"conversation_id":"conv_1","rating":5}}]""", "application/json"));

        var response = await Client.GetRecentConversationTriggersAsync(1, new ChattingEvent("conversation.rated"), cancellationToken: Ct);

        Assert.Equal("?limit=1&event=conversation.rated", Sim.Journal.Last.QueryString);
        var unknown = Assert.IsType<UnknownTrigger>(Assert.Single(response.Value));
        Assert.Equal("conversation.rated", unknown.Event.Value);
        Assert.False(unknown.Event.IsKnown);
        Assert.Equal("conv_1", unknown.Data["conversation_id"].GetString());
        Assert.Equal(5, unknown.Data["rating"].GetInt32());
    }

    [Fact]
    public async Task An_empty_sample_list_reads_as_empty()
    {
        var client = CreateClient(Testing.Chatting.ChattingSimulator.NoSiteApiKey);

        var response = await client.GetRecentContactTriggersAsync(cancellationToken: Ct);

        Assert.Empty(response.Value);
    }

    [Fact]
    public async Task A_malformed_sample_body_is_an_invalid_response()
    {
        var client = CreateClient(maxRetries: 0);
        Sim.Faults.On("GET", "/api/zapier/contacts").Once(Fault.ReplaceBody("""[{"event":"contact.created",""", "application/json"));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => client.GetRecentContactTriggersAsync(cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task A_sample_that_is_not_an_object_is_an_invalid_response()
    {
        Sim.Faults.On("GET", "/api/zapier/contacts").Once(Fault.ReplaceBody("""["contact.created"]""", "application/json"));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.GetRecentContactTriggersAsync(cancellationToken: Ct));
    }
}
