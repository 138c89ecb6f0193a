using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

public sealed class TagAndMessageTests : ChattingTestBase
{
    [Fact]
    public async Task AddContactTag_sends_the_documented_body_and_reads_every_field()
    {
        var response = await Client.AddContactTagAsync("contact_123", "vip", cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        AssertRequest(request, "POST", "/api/zapier/contacts/contact_123/tags");
        AssertJsonBody(request, Compact(Fixture("add-tag-request.json")));
        Assert.Equal(response.IdempotencyKey, request.Headers["Idempotency-Key"]);
        Assert.True(Guid.TryParse(response.IdempotencyKey, out _));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Value.Ok);
        Assert.Equal("contact_123", response.Value.Id);
        Assert.Equal("vip", response.Value.Tag);
        Assert.Equal(["vip"], Assert.Single(Sim.Contacts, c => c.Id == "contact_123").Tags);
    }

    [Fact]
    public async Task AddContactTag_reads_the_documented_answer_served_verbatim()
    {
        Sim.Faults.On("POST", "/api/zapier/contacts/contact_123/tags").Once(Fault.ReplaceBody(Fixture("add-tag-response.json"), "application/json"));

        ChattingContactTag tag = await Client.AddContactTagAsync("contact_123", "vip", cancellationToken: Ct);

        Assert.True(tag.Ok);
        Assert.Equal("contact_123", tag.Id);
        Assert.Equal("vip", tag.Tag);
    }

    [Fact]
    public async Task AddContactTag_escapes_the_contact_id_as_one_path_segment()
    {
        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.AddContactTagAsync("a b?#ü", "vip", cancellationToken: Ct));

        Assert.Equal("/api/zapier/contacts/a%20b%3F%23%C3%BC/tags", Sim.Journal.Last.Path);
    }

    [Fact]
    public async Task AddContactTag_refuses_a_contact_id_that_is_not_one_path_segment()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.AddContactTagAsync("a/b c", "vip", cancellationToken: Ct));

        Assert.Equal("contactId", error.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task AddContactTag_to_an_unknown_contact_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.AddContactTagAsync("contact_404", "vip", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(ChattingErrorCode.NotFound, error.GetChattingErrorCode());
    }

    [Fact]
    public async Task AddContactTag_to_a_contact_outside_the_workspace_is_forbidden()
    {
        var error = await Assert.ThrowsAsync<ChatApiPermissionException>(() => Client.AddContactTagAsync(ChattingSimulator.ForeignContactId, "vip", cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(ChattingErrorCode.ContactSiteForbidden, error.GetChattingErrorCode());
        Assert.Empty(Assert.Single(Sim.Contacts, c => c.Id == ChattingSimulator.ForeignContactId).Tags);
    }

    [Fact]
    public async Task SendMessage_as_system_sends_the_documented_body_and_reads_every_field()
    {
        var response = await Client.SendMessageAsync("conv_123", "Thanks, we got your message.", asSystem: true, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        AssertRequest(request, "POST", "/api/zapier/conversations/conv_123/messages");
        AssertJsonBody(request, Compact(Fixture("send-message-request.json")));
        Assert.Equal(response.IdempotencyKey, request.Headers["Idempotency-Key"]);

        // The simulator's clock is on the documents' day, so this is the documented answer exactly.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = response.Value;
        Assert.True(message.Ok);
        Assert.Equal("msg_123", message.Id);
        Assert.Equal("conv_123", message.ConversationId);
        Assert.Equal(ChattingMessageSender.System, message.Sender);
        Assert.Equal(DocumentDay, message.CreatedAt);
        var stored = Assert.Single(Sim.Messages);
        Assert.Equal("Thanks, we got your message.", stored.Text);
        Assert.Equal("system", stored.Sender);
    }

    [Fact]
    public async Task SendMessage_reads_the_documented_answer_served_verbatim()
    {
        Sim.Faults.On("POST", "/api/zapier/conversations/conv_123/messages").Once(Fault.ReplaceBody(Fixture("send-message-response.json"), "application/json"));

        ChattingSentMessage message = await Client.SendMessageAsync("conv_123", "Thanks, we got your message.", asSystem: true, cancellationToken: Ct);

        Assert.True(message.Ok);
        Assert.Equal("msg_123", message.Id);
        Assert.Equal("conv_123", message.ConversationId);
        Assert.Equal(ChattingMessageSender.System, message.Sender);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 0, 0, 0, TimeSpan.Zero), message.CreatedAt);
    }

    [Fact]
    public async Task SendMessage_without_a_system_sender_leaves_sender_out_and_is_stored_as_the_team()
    {
        ChattingSentMessage message = await Client.SendMessageAsync("conv_123", "Hi Ava", cancellationToken: Ct);

        AssertJsonBody(Sim.Journal.Last, """{"message":"Hi Ava"}""");
        Assert.Equal(ChattingMessageSender.Team, message.Sender);
        Assert.Equal("team", Assert.Single(Sim.Messages).Sender);
    }

    [Fact]
    public async Task SendMessage_keeps_an_unknown_sender()
    {
        Sim.Faults.On("POST", "/api/zapier/conversations/conv_123/messages").Once(Fault.ReplaceBody(
            """{"ok":true,"id":"msg_9","conversation_id":"conv_123","sender":"bot","created_at":"2026-04-09T10:00:00.000Z"}""", "application/json"));

        ChattingSentMessage message = await Client.SendMessageAsync("conv_123", "Hi", cancellationToken: Ct);

        Assert.Equal("bot", message.Sender.Value);
        Assert.NotEqual(ChattingMessageSender.Team, message.Sender);
    }

    [Fact]
    public async Task SendMessage_to_an_unknown_conversation_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.SendMessageAsync("conv_missing", "Hi", cancellationToken: Ct));

        Assert.Equal(ChattingErrorCode.NotFound, error.GetChattingErrorCode());
        Assert.Empty(Sim.Messages);
    }
}
