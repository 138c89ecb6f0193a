using System.Text;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class MessageTests : ZipchatTestBase
{
    private const string MessagesPath = "/api/integrations/backend_api/v1/chats/1/conversations/12347/messages";

    [Fact]
    public async Task Send_posts_message_and_sender_and_returns_the_message()
    {
        Clock.Advance(TimeSpan.FromSeconds(30));

        var response = await Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Yes, we ship to Italy \"in 3 days\".", ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(MessagesPath, request.Path);
        Assert.Equal("", request.QueryString);
        AssertAuthorized(request);
        AssertJsonBody(request, """{"message":"Yes, we ship to Italy \u0022in 3 days\u0022.","sender_id":501}""");

        var message = response.Value;
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.True(message.Id > 0);
        Assert.Equal(MessageRole.Assistant, message.Role);
        Assert.Equal("Yes, we ship to Italy \"in 3 days\".", message.Content);
        Assert.True(message.ManualReply);
        Assert.Equal("sent", message.Status);
        Assert.Equal(ZipchatSimulator.OwnerUserId, message.SenderId);
        Assert.Equal(T0.AddSeconds(30), message.CreatedAt);
        Assert.Equal(119, response.RateLimit!.Remaining);

        var stored = Sim.GetConversation(ZipchatSimulator.WhatsAppConversationId).Messages[^1];
        Assert.Equal(message.Id, stored.Id);
        Assert.Equal(ZipchatSimulator.OwnerUserId, stored.SenderId);
    }

    [Fact]
    public async Task A_bare_message_response_is_read_too()
    {
        Sim.Faults.On("POST", MessagesPath).Once(Fault.Status(201, """{"id": 77, "role": "assistant", "message": "Hi", "manual_reply": true, "sender_id": 501, "created_at": "2026-01-01T00:00:00Z"}"""));

        var message = (await Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct)).Value;

        Assert.Equal(77, message.Id);
        Assert.Equal(501, message.SenderId);
    }

    [Fact]
    public async Task Sending_in_ai_mode_is_conversation_in_ai_mode()
    {
        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WebConversationId, "Hello", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.ConversationInAiMode.Value, ex.ErrorCode);
        Assert.Contains("Conversation is in AI mode; assign it to a user before sending a manual message", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sending_after_the_meta_window_closed_is_meta_reply_window_closed()
    {
        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.StaleInstagramConversationId, "Sorry for the wait", ZipchatSimulator.ParticipantUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.MetaReplyWindowClosed.Value, ex.ErrorCode);
        Assert.Contains("Cannot send: customer last messaged more than 24 hours ago on a Meta channel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meta_window_closes_24_hours_after_the_customers_last_message()
    {
        Clock.Advance(TimeSpan.FromHours(23)); // the customer wrote at T0-1h: now exactly 24 h

        await Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Still here", ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hello?", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.MetaReplyWindowClosed.Value, ex.ErrorCode);
        Sim.AddCustomerMessage(ZipchatSimulator.WhatsAppConversationId, "I'm back");
        await Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Welcome back", ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
    }

    [Fact]
    public async Task A_sender_outside_the_chat_is_sender_not_assignable()
    {
        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OtherChatUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.SenderNotAssignable.Value, ex.ErrorCode);
        Assert.Contains("sender_id is not an assignable user for this chat", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Take_over_reply_and_hand_back_follow_the_assignment_semantics()
    {
        var id = ZipchatSimulator.EscalatedEmailConversationId;
        await Assert.ThrowsAsync<ChatApiValidationException>(() => Client.SendMessageAsync(id, "too early", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        await Client.TakeOverConversationAsync(id, ZipchatSimulator.ParticipantUserId, cancellationToken: Ct);
        await Client.SendMessageAsync(id, "Refund issued.", ZipchatSimulator.ParticipantUserId, cancellationToken: Ct);
        await Client.HandBackToAiAsync(id, cancellationToken: Ct);
        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(() => Client.SendMessageAsync(id, "too late", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.ConversationInAiMode.Value, ex.ErrorCode);
        var state = Sim.GetConversation(id);
        Assert.Equal("Refund issued.", state.Messages[^1].Text);
        Assert.False(state.ManualReplyMode);
    }

    [Theory]
    [InlineData("""{"sender_id":501}""", "message is required")]
    [InlineData("""{"message":"   ","sender_id":501}""", "message is required")]
    [InlineData("""{"message":"Hi"}""", "sender_id is required")]
    [InlineData("""{"message":"Hi","sender_id":null}""", "sender_id is required")]
    public async Task The_simulator_rejects_missing_fields_with_the_documented_text(string body, string text)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ApiBase, "chats/1/conversations/12347/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", ZipchatSimulator.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal($$"""{"error":"{{text}}"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Send_is_not_retried_after_a_dropped_response_because_it_is_not_idempotent()
    {
        Sim.Faults.On("POST", MessagesPath).Once(Fault.DropResponseAfterProcessing());
        var before = Sim.GetConversation(ZipchatSimulator.WhatsAppConversationId).Messages.Count;

        var ex = await Assert.ThrowsAsync<ChatApiTransportException>(
            () => Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Once", ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.True(ex.RequestMayHaveReachedServer);
        Assert.Single(Sim.Journal.Where("POST", MessagesPath));
        Assert.Equal(before + 1, Sim.GetConversation(ZipchatSimulator.WhatsAppConversationId).Messages.Count);
    }
}
