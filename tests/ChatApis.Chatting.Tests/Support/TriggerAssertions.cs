namespace ChatApis.Chatting.Tests.Support;

/// <summary>Every field of the documents' four sample trigger payloads.</summary>
public static class TriggerAssertions
{
    public static void DocumentedConversationCreated(ConversationCreatedTrigger trigger)
    {
        Assert.Equal(ChattingEvent.ConversationCreated, trigger.Event);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 0, 50, 0, TimeSpan.Zero), trigger.Timestamp);
        Assert.Equal("conv_abc123", trigger.ConversationId);
        Assert.Equal("visitor@example.com", trigger.VisitorEmail);
        Assert.Equal("Ava Brooks", trigger.VisitorName);
        Assert.Equal("https://www.usechatting.com/pricing", trigger.PageUrl);
        Assert.Equal("Do you have a free plan?", trigger.FirstMessage);
        Assert.Empty(trigger.Tags);
        Assert.Null(trigger.AssignedTo);
    }

    public static void DocumentedConversationResolved(ConversationResolvedTrigger trigger)
    {
        Assert.Equal(ChattingEvent.ConversationResolved, trigger.Event);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 0, 50, 0, TimeSpan.Zero), trigger.Timestamp);
        Assert.Equal("conv_abc123", trigger.ConversationId);
        Assert.Equal("visitor@example.com", trigger.VisitorEmail);
        Assert.Equal("owner@usechatting.com", trigger.ResolvedBy);
        Assert.Equal(8, trigger.MessageCount);
        Assert.Equal(420, trigger.DurationSeconds);
        Assert.Equal(TimeSpan.FromMinutes(7), trigger.Duration);
    }

    public static void DocumentedContactCreated(ContactCreatedTrigger trigger)
    {
        Assert.Equal(ChattingEvent.ContactCreated, trigger.Event);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 1, 30, 0, TimeSpan.Zero), trigger.Timestamp);
        Assert.Equal("cnt_abc123", trigger.ContactId);
        Assert.Equal("visitor@example.com", trigger.Email);
        Assert.Equal("Ava Brooks", trigger.Name);
        Assert.Equal("Acme Corp", trigger.Company);
        Assert.Equal("chat_form", trigger.Source);
    }

    public static void DocumentedTagAdded(TagAddedTrigger trigger)
    {
        Assert.Equal(ChattingEvent.TagAdded, trigger.Event);
        Assert.Equal(new DateTimeOffset(2026, 4, 8, 2, 0, 0, TimeSpan.Zero), trigger.Timestamp);
        Assert.Equal("conv_abc123", trigger.ConversationId);
        Assert.Equal("vip", trigger.Tag);
        Assert.Equal("owner@usechatting.com", trigger.AddedBy);
    }
}
