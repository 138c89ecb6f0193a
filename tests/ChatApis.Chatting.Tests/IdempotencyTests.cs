using ChatApis.Http;
using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Chatting.Tests;

public sealed class IdempotencyTests : ChattingTestBase
{
    [Fact]
    public async Task A_lost_response_is_retried_with_the_same_key_and_body_and_the_contact_is_created_once()
    {
        Sim.Faults.On("POST", "/api/zapier/contacts").Once(Fault.DropResponseAfterProcessing());
        var contact = new ChattingNewContact("once@example.com") { Name = "Only Once", Tags = ["vip"] };

        var response = await Client.CreateContactAsync(contact, cancellationToken: Ct);

        var attempts = Sim.Journal.Where("POST", "/api/zapier/contacts");
        Assert.Equal(2, attempts.Count);
        var key = attempts[0].Headers["Idempotency-Key"];
        Assert.Equal(key, attempts[1].Headers["Idempotency-Key"]);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Equal(key, response.IdempotencyKey);
        Assert.Equal(2, response.Attempts);

        // The server acted on the first attempt; the retry was answered from the idempotency store.
        Assert.Equal(1, Sim.ContactWrites);
        Assert.Equal(1, Sim.IdempotentReplays);
        var stored = Assert.Single(Sim.Contacts, c => c.Email == "once@example.com");
        Assert.Equal(stored.Id, response.Value.Id);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Only Once", response.Value.Name);
    }

    [Fact]
    public async Task A_lost_tag_response_is_retried_with_the_same_key_and_replayed()
    {
        Sim.Faults.On("POST", "/api/zapier/contacts/contact_123/tags").Once(Fault.DropResponseAfterProcessing());

        var response = await Client.AddContactTagAsync("contact_123", "vip", cancellationToken: Ct);

        var attempts = Sim.Journal.Where("POST", "/api/zapier/contacts/contact_123/tags");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Headers["Idempotency-Key"], attempts[1].Headers["Idempotency-Key"]);
        Assert.Equal(1, Sim.IdempotentReplays);
        Assert.Equal("vip", response.Value.Tag);
    }

    [Fact]
    public async Task A_lost_message_response_is_retried_with_the_same_key_and_the_message_is_posted_once()
    {
        Sim.Faults.On("POST", "/api/zapier/conversations/conv_123/messages").Once(Fault.DropResponseAfterProcessing());

        var response = await Client.SendMessageAsync("conv_123", "We will call you.", cancellationToken: Ct);

        var attempts = Sim.Journal.Where("POST", "/api/zapier/conversations/conv_123/messages");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Headers["Idempotency-Key"], attempts[1].Headers["Idempotency-Key"]);
        var message = Assert.Single(Sim.Messages);
        Assert.Equal(message.Id, response.Value.Id);
    }

    [Fact]
    public async Task A_caller_supplied_key_is_sent_unchanged_and_makes_a_repeated_call_a_replay()
    {
        const string key = "0b0e6a45-92b4-4da0-b0a9-6e612a8d02fa";

        var first = await Client.CreateContactAsync(new ChattingNewContact("repeat@example.com"), new RequestOptions { IdempotencyKey = key }, cancellationToken: Ct);
        var second = await Client.CreateContactAsync(new ChattingNewContact("repeat@example.com"), new RequestOptions { IdempotencyKey = key }, cancellationToken: Ct);

        Assert.All(Sim.Journal.Requests, r => Assert.Equal(key, r.Headers["Idempotency-Key"]));
        Assert.Equal(key, first.IdempotencyKey);
        Assert.Equal(key, second.IdempotencyKey);
        Assert.Equal(first.Value.Id, second.Value.Id);
        Assert.Equal(1, Sim.ContactWrites);
        Assert.Equal(1, Sim.IdempotentReplays);
    }

    [Fact]
    public async Task Separate_calls_get_separate_keys()
    {
        var first = await Client.SendMessageAsync("conv_123", "One", cancellationToken: Ct);
        var second = await Client.SendMessageAsync("conv_123", "One", cancellationToken: Ct);

        Assert.NotEqual(first.IdempotencyKey, second.IdempotencyKey);
        Assert.Equal(2, Sim.Messages.Count);
        Assert.Equal(0, Sim.IdempotentReplays);
    }

    [Fact]
    public async Task Reusing_a_key_with_another_body_is_a_typed_conflict_and_nothing_is_created()
    {
        const string key = "lead-import-42";
        await Client.CreateContactAsync(new ChattingNewContact("first@example.com"), new RequestOptions { IdempotencyKey = key }, cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ChatApiConflictException>(() => Client.CreateContactAsync(new ChattingNewContact("second@example.com"), new RequestOptions { IdempotencyKey = key }, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("idempotency-key-conflict", error.ErrorCode);
        Assert.Equal(ChattingErrorCode.IdempotencyKeyConflict, error.GetChattingErrorCode());
        Assert.Equal(2, Sim.Journal.Count);
        Assert.DoesNotContain(Sim.Contacts, c => c.Email == "second@example.com");
        Assert.Equal(1, Sim.ContactWrites);
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_api_key()
    {
        const string key = "shared-key";
        await Client.SendMessageAsync("conv_123", "From the first workspace", options: new RequestOptions { IdempotencyKey = key }, cancellationToken: Ct);
        var other = CreateClient(Testing.Chatting.ChattingSimulator.NoSiteApiKey);

        // The other workspace does not see the first one's key: its call is acted on (and 404s there).
        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => other.SendMessageAsync("conv_123", "From the second workspace", options: new RequestOptions { IdempotencyKey = key }, cancellationToken: Ct));

        Assert.Equal(0, Sim.IdempotentReplays);
    }
}
