using ChatApis.Contract.Tests.Support;
using ChatApis.Zipchat;

namespace ChatApis.Contract.Tests.Zipchat;

// Every field of the examples, asserted on the typed models (value and type; nothing left unmapped).
public sealed partial class ZipchatContractTests
{
    private static void AssertFirstListed(ZipchatConversation conversation)
    {
        Assert.Equal(12345, conversation.Id);
        Assert.Equal(1, conversation.ChatId);
        Assert.Equal(Iso8601.At("2026-01-15T10:30:00Z"), conversation.CreatedAt);
        Assert.Equal(Iso8601.At("2026-01-15T10:45:00Z"), conversation.LastMessageAt);
        Assert.Equal(ConversationChannel.Web, conversation.Channel);
        Assert.False(conversation.ManualReplyMode);
        Assert.Null(conversation.LastEscalatedAt);
        Assert.Null(conversation.LastEscalationResolvedAt);
        Assert.False(conversation.HasOpenEscalation);
        Assert.Null(conversation.Assignee);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12345", conversation.ShareUrl);
        var lead = conversation.Lead;
        Assert.NotNull(lead);
        Assert.Equal(100, lead.Id);
        Assert.Equal("John Doe", lead.FullName);
        Assert.Equal("john@example.com", lead.Email);
        Assert.Equal("+1234567890", lead.PhoneNumber);
        Assert.True(lead.EmailMarketingConsent);
        Assert.Null(lead.FirstName);
        Assert.Null(lead.LastName);
        Assert.Null(lead.ShopifyCustomerId);
        Assert.Null(lead.AdditionalAttributes);
        Unmapped.None(conversation, lead);
    }

    private static void AssertSecondListed(ZipchatConversation conversation)
    {
        Assert.Equal(12346, conversation.Id);
        Assert.Equal(1, conversation.ChatId);
        Assert.Equal(Iso8601.At("2026-01-15T09:00:00Z"), conversation.CreatedAt);
        Assert.Equal(Iso8601.At("2026-01-15T09:20:00Z"), conversation.LastMessageAt);
        Assert.Equal(ConversationChannel.Chat, conversation.Channel);
        Assert.True(conversation.ManualReplyMode);
        Assert.Equal(Iso8601.At("2026-01-15T09:05:00Z"), conversation.LastEscalatedAt);
        Assert.Null(conversation.LastEscalationResolvedAt);
        Assert.True(conversation.HasOpenEscalation);
        Assert.NotNull(conversation.Assignee);
        Assert.Equal(7, conversation.Assignee.Id);
        Assert.Null(conversation.Assignee.AvatarUrl);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12346", conversation.ShareUrl);
        Assert.Null(conversation.Lead);
        Unmapped.None(conversation, conversation.Assignee);
    }

    private static void AssertUsers(IReadOnlyList<ZipchatUser> users) => Assert.Collection(
        users,
        owner =>
        {
            Assert.Equal(7, owner.Id);
            Assert.Null(owner.AvatarUrl);
            Unmapped.None(owner);
        },
        participant =>
        {
            Assert.Equal(8, participant.Id);
            Assert.Equal("https://app.zipchat.ai/avatars/8.png", participant.AvatarUrl);
            Unmapped.None(participant);
        });

    private static void AssertMessage(ZipchatMessage message, long id, MessageRole role, string content, bool manual, string? status, long? senderId, string createdAt)
    {
        Assert.Equal(id, message.Id);
        Assert.Equal(role, message.Role);
        Assert.Equal(content, message.Content);
        Assert.Equal(manual, message.ManualReply);
        Assert.Equal(status, message.Status);
        Assert.Equal(senderId, message.SenderId);
        Assert.Equal(Iso8601.At(createdAt), message.CreatedAt);
        Unmapped.None(message);
    }
}
