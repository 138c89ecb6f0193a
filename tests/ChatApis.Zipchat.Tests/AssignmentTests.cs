using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class AssignmentTests : ZipchatTestBase
{
    private const string AssignmentPath = "/api/integrations/backend_api/v1/chats/1/conversations/12345/assignment";

    [Fact]
    public async Task Take_over_sends_the_user_id_and_puts_the_conversation_in_manual_mode()
    {
        var response = await Client.TakeOverConversationAsync(ZipchatSimulator.WebConversationId, ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(AssignmentPath, request.Path);
        Assert.Equal("", request.QueryString);
        AssertAuthorized(request);
        AssertJsonBody(request, """{"assignee_id":501}""");

        var conversation = response.Value;
        Assert.Equal(ZipchatSimulator.WebConversationId, conversation.Id);
        Assert.Equal(1, conversation.ChatId);
        Assert.True(conversation.ManualReplyMode);
        Assert.Equal(ZipchatSimulator.OwnerUserId, conversation.Assignee!.Id);
        Assert.Equal("https://cdn.zipchat.ai/avatars/501.png", conversation.Assignee.AvatarUrl);
        Assert.Equal(ConversationChannel.Web, conversation.Channel);
        Assert.Equal(T0.AddHours(-3), conversation.CreatedAt);
        Assert.Equal(T0.AddHours(-2).AddMinutes(-45), conversation.LastMessageAt);
        Assert.Null(conversation.LastEscalatedAt);
        Assert.Null(conversation.LastEscalationResolvedAt);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12345", conversation.ShareUrl);
        Assert.Equal("John Doe", conversation.Lead!.FullName);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);

        var state = Sim.GetConversation(ZipchatSimulator.WebConversationId);
        Assert.True(state.ManualReplyMode);
        Assert.Equal(ZipchatSimulator.OwnerUserId, state.AssigneeId);
    }

    [Fact]
    public async Task Hand_back_sends_an_explicit_null_and_returns_the_conversation_to_the_ai()
    {
        var response = await Client.HandBackToAiAsync(ZipchatSimulator.WhatsAppConversationId, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("/api/integrations/backend_api/v1/chats/1/conversations/12347/assignment", request.Path);
        AssertAuthorized(request);
        AssertJsonBody(request, """{"assignee_id":null}""");

        Assert.False(response.Value.ManualReplyMode);
        Assert.Null(response.Value.Assignee);
        var state = Sim.GetConversation(ZipchatSimulator.WhatsAppConversationId);
        Assert.False(state.ManualReplyMode);
        Assert.Null(state.AssigneeId);
    }

    [Fact]
    public async Task Update_assignment_with_null_is_the_hand_back()
    {
        await Client.UpdateAssignmentAsync(ZipchatSimulator.StaleInstagramConversationId, null, cancellationToken: Ct);

        AssertJsonBody(Sim.Journal.Last, """{"assignee_id":null}""");
        Assert.False(Sim.GetConversation(ZipchatSimulator.StaleInstagramConversationId).ManualReplyMode);
    }

    [Fact]
    public async Task A_bare_conversation_response_is_read_too()
    {
        Sim.Faults.On("PATCH", AssignmentPath).Once(Fault.Status(200, """{"id": 12345, "chat_id": 1, "manual_reply_mode": true, "assignee": {"id": 502, "avatar_url": null}, "channel": "web"}"""));

        var conversation = (await Client.TakeOverConversationAsync(12345, 502, cancellationToken: Ct)).Value;

        Assert.True(conversation.ManualReplyMode);
        Assert.Equal(502, conversation.Assignee!.Id);
    }

    [Fact]
    public async Task A_user_outside_the_chat_is_not_assignable()
    {
        var ex = await Assert.ThrowsAsync<ChatApiValidationException>(
            () => Client.TakeOverConversationAsync(ZipchatSimulator.WebConversationId, ZipchatSimulator.OtherChatUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.AssigneeNotAssignable.Value, ex.ErrorCode);
        Assert.Equal((System.Net.HttpStatusCode)422, ex.StatusCode);
        Assert.Contains("assignee_id is not an assignable user for this chat", ex.Message, StringComparison.Ordinal);
        Assert.False(Sim.GetConversation(ZipchatSimulator.WebConversationId).ManualReplyMode);
    }

    [Fact]
    public async Task A_conversation_of_another_chat_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<ChatApiNotFoundException>(
            () => Client.TakeOverConversationAsync(ZipchatSimulator.OtherChatConversationId, ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(ZipchatErrorCode.NotFound.Value, ex.ErrorCode);
        Assert.Contains("Conversation not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_assignee_id_is_a_422_from_the_simulator()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(ApiBase, "chats/1/conversations/12345/assignment"))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", ZipchatSimulator.ApiKey);

        using var response = await http.SendAsync(request, Ct);

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("""{"error":"assignee_id is required (use null to assign to AI)"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Take_over_is_retried_after_a_dropped_response_because_setting_a_value_is_idempotent()
    {
        Sim.Faults.On("PATCH", AssignmentPath).Once(Fault.DropResponseAfterProcessing());

        var response = await Client.TakeOverConversationAsync(ZipchatSimulator.WebConversationId, ZipchatSimulator.ParticipantUserId, cancellationToken: Ct);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, Sim.Journal.Where("PATCH", AssignmentPath).Count);
        Assert.Equal(ZipchatSimulator.ParticipantUserId, response.Value.Assignee!.Id);
    }
}
