namespace ChatApis.Chatting;

/// <summary>The <c>tag.added</c> trigger: a tag was added.</summary>
public sealed class TagAddedTrigger : ChattingTrigger
{
    internal TagAddedTrigger(TriggerFields fields)
        : base(fields)
    {
        ConversationId = fields.String("conversation_id");
        Tag = fields.String("tag");
        AddedBy = fields.String("added_by");
    }

    /// <summary>The conversation the tag concerns, if any.</summary>
    public string? ConversationId { get; }

    /// <summary>The tag.</summary>
    public string? Tag { get; }

    /// <summary>Who added it (an email).</summary>
    public string? AddedBy { get; }
}
