using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

/// <summary>
/// A 200 whose body is not the value it should wrap (a missing or wrong-typed wrapper, a value without its
/// id, a null in a list) is an invalid response, never a model with <c>Id</c> 0 or an empty page.
/// </summary>
public sealed class EnvelopeValidationTests : ZipchatTestBase
{
    private const string Base = "/api/integrations/backend_api/v1/chats/1/";

    public static TheoryData<string> NotAUser => new()
    {
        "{}",
        """{"user":null}""",
        """{"user":5}""",
        """{"user":[]}""",
        """{"user":"501"}""",
        """{"user":{}}""",
        """{"user":{"id":0,"avatar_url":null}}""",
        """{"user":{"id":-501}}""",
        """{"user":{"id":null}}""",
        """{"avatar_url":"https://x.example/a.png"}""",
        "[]",
        "5",
        "\"user\"",
    };

    [Theory]
    [MemberData(nameof(NotAUser))]
    public async Task Get_user_refuses_a_body_that_holds_no_user(string body)
    {
        Sim.Faults.On("GET", Base + "users/501").Once(Fault.Status(200, body));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("Zipchat", error.Vendor);
        Assert.Contains("not the expected JSON", error.Message, StringComparison.Ordinal);
        Assert.Single(Sim.Journal.Requests);
    }

    [Theory]
    [InlineData("""{"user":{"id":0}}""", "The user at $.user has no 'id'")]
    [InlineData("""{"user":5}""", "The response's 'user' was Number where a user object was expected")]
    [InlineData("{}", "The user at $ has no 'id'")]
    public async Task The_message_says_what_is_missing(string body, string expected)
    {
        Sim.Faults.On("GET", Base + "users/501").Once(Fault.Status(200, body));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"conversation":null}""")]
    [InlineData("""{"conversation":[]}""")]
    [InlineData("""{"conversation":{}}""")]
    [InlineData("""{"conversation":{"id":0,"messages":[]}}""")]
    [InlineData("""{"conversation":{"id":12345,"messages":null}}""")]
    [InlineData("""{"conversation":{"id":12345,"messages":[null]}}""")]
    [InlineData("""{"conversation":{"id":12345,"messages":[{"id":1},{"role":"user"}]}}""")]
    [InlineData("""{"conversation":{"id":12345,"assignee":{},"messages":[]}}""")]
    public async Task Get_conversation_refuses_a_body_without_a_whole_conversation(string body)
    {
        Sim.Faults.On("GET", Base + "conversations/12345").Once(Fault.Status(200, body));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.GetConversationAsync(ZipchatSimulator.WebConversationId, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"conversation":7}""")]
    [InlineData("""{"conversation":{"manual_reply_mode":true}}""")]
    public async Task The_assignment_response_must_hold_a_conversation(string body)
    {
        Sim.Faults.On("PATCH", Base + "conversations/12345/assignment").Once(Fault.Status(200, body));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.HandBackToAiAsync(ZipchatSimulator.WebConversationId, cancellationToken: Ct));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"message":null}""")]
    [InlineData("""{"message":{}}""")]
    [InlineData("""{"message":"Hi"}""")]
    [InlineData("""{"message":{"id":0,"message":"Hi"}}""")]
    public async Task The_send_response_must_hold_a_message(string body)
    {
        Sim.Faults.On("POST", Base + "conversations/12347/messages").Once(Fault.Status(201, body));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"users":null}""")]
    [InlineData("""{"users":5}""")]
    [InlineData("""{"users":{"id":501}}""")]
    [InlineData("""{"users":[{}]}""")]
    [InlineData("""{"users":[null]}""")]
    [InlineData("[null]")]
    [InlineData("""[{"id":501},{"avatar_url":null}]""")]
    public async Task A_user_page_must_hold_a_list_of_users(string body)
    {
        Sim.Faults.On("GET", Base + "users").Once(Fault.Status(200, body));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.GetUsersPageAsync(cancellationToken: Ct));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""{"conversations":null}""")]
    [InlineData("""{"conversations":{}}""")]
    [InlineData("""{"conversations":[null]}""")]
    [InlineData("""{"conversations":[{"id":12345},{"chat_id":1}]}""")]
    public async Task A_conversation_page_must_hold_a_list_of_conversations(string body)
    {
        Sim.Faults.On("GET", Base + "conversations").Once(Fault.Status(200, body));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Client.GetConversationsPageAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task An_empty_list_is_still_an_empty_page()
    {
        Sim.Faults.On("GET", Base + "conversations").Once(Fault.Status(200, """{"conversations":[],"meta":{"page":3}}"""));
        Sim.Faults.On("GET", Base + "users").Once(Fault.Status(200, "[]"));

        var conversations = (await Client.GetConversationsPageAsync(page: 3, cancellationToken: Ct)).Value;
        var users = (await Client.GetUsersPageAsync(cancellationToken: Ct)).Value;

        Assert.Empty(conversations.Conversations);
        Assert.Equal(3, conversations.AdditionalProperties!["meta"].GetProperty("page").GetInt32());
        Assert.Empty(users.Users);
    }
}
