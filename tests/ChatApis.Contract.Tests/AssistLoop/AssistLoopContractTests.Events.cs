using ChatApis.AssistLoop;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.AssistLoop;

// "Webhook Payload Examples": both deliveries parse into typed events, every field asserted; the
// recent-sample endpoint returns the same shapes.
public abstract partial class AssistLoopContractTests
{
    [Fact]
    [Covers("EVENT new_conversation", Aspect.Response)]
    public void The_new_conversation_payload_parses_into_a_typed_event()
    {
        var parsed = AssistLoopWebhookEvent.Parse(Doc("new-conversation-event.json"));

        AssertNewConversation(parsed, Times.NewConversationAt, "Jane Smith", "msg_abc123", "Hi, I need help with my order");
    }

    [Fact]
    [Covers("EVENT human_handoff_required", Aspect.Response)]
    public void The_human_handoff_payload_parses_into_a_typed_event()
    {
        AssertHandoff(AssistLoopWebhookEvent.Parse(Doc("human-handoff-required-event.json")));
    }

    private static void AssertNewConversation(AssistLoopWebhookEvent parsed, DateTimeOffset at, string customer, string messageUuid, string content)
    {
        var created = Assert.IsType<AssistLoopNewConversationEvent>(parsed);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", created.Id);
        Assert.Equal(AssistLoopWebhookEventType.NewConversation, created.Event);
        Assert.Equal(at, created.Timestamp);
        var data = created.Data;
        AssertCommon(data, at, AssistLoopResponseMode.Ai, customer);
        Assert.NotNull(data.InitialMessage);
        Assert.Equal(messageUuid, data.InitialMessage.Uuid);
        Assert.Equal(content, data.InitialMessage.Content);
        Assert.Equal(AssistLoopMessageType.Guest, data.InitialMessage.Type);
        Assert.Equal(at, data.InitialMessage.CreatedAt);
        Unmapped.None(created, data, data.InitialMessage);
    }

    private void AssertHandoff(AssistLoopWebhookEvent parsed)
    {
        var handoff = Assert.IsType<AssistLoopHumanHandoffRequiredEvent>(parsed);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", handoff.Id);
        Assert.Equal(AssistLoopWebhookEventType.HumanHandoffRequired, handoff.Event);
        Assert.Equal(Times.HandoffAt, handoff.Timestamp);
        var data = handoff.Data;
        AssertCommon(data, Times.HandoffConversationCreatedAt, AssistLoopResponseMode.Human, "Jane Smith");
        Assert.NotNull(data.LastMessage);
        Assert.Equal("msg_def456", data.LastMessage.Uuid);
        Assert.Equal("I need to speak with a human agent", data.LastMessage.Content);
        Assert.Equal(AssistLoopMessageType.Guest, data.LastMessage.Type);
        Assert.Equal(Times.HandoffAt, data.LastMessage.CreatedAt);
        Unmapped.None(handoff, data, data.LastMessage);
    }

    private static void AssertCommon(AssistLoopWebhookEventData data, DateTimeOffset conversationCreatedAt, AssistLoopResponseMode mode, string customer)
    {
        Assert.NotNull(data.Conversation);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", data.Conversation.Uuid);
        Assert.True(data.Conversation.IsOpen);
        Assert.Equal(mode, data.Conversation.ResponseMode);
        Assert.Equal(conversationCreatedAt, data.Conversation.CreatedAt);
        Assert.NotNull(data.Agent);
        Assert.Equal("agt_abc123", data.Agent.Uuid);
        Assert.Equal("Customer Support Agent", data.Agent.Name);
        Assert.NotNull(data.ChatUser);
        Assert.Equal(customer, data.ChatUser.Name);
        Assert.Equal(ProtectedEmail, data.ChatUser.Email);
        Assert.Null(data.ChatUser.CountryCode);
        Assert.Null(data.ChatUser.ChatUserId);
        Assert.NotNull(data.Organization);
        Assert.Equal("org_xyz789", data.Organization.Uuid);
        Assert.Equal("Acme Corporation", data.Organization.Name);
        Unmapped.None(data.Conversation, data.Agent, data.ChatUser, data.Organization);
    }
}
