namespace ChatApis.Chatting;

/// <summary>The <c>conversation.resolved</c> trigger: a conversation was resolved.</summary>
public sealed class ConversationResolvedTrigger : ChattingTrigger
{
    internal ConversationResolvedTrigger(TriggerFields fields)
        : base(fields)
    {
        ConversationId = fields.String("conversation_id");
        VisitorEmail = fields.String("visitor_email");
        ResolvedBy = fields.String("resolved_by");
        MessageCount = fields.Int32("message_count");
        DurationSeconds = fields.Int32("duration_seconds");
    }

    /// <summary>The conversation's id.</summary>
    public string? ConversationId { get; }

    /// <summary>The visitor's email, if known.</summary>
    public string? VisitorEmail { get; }

    /// <summary>Who resolved it (an email).</summary>
    public string? ResolvedBy { get; }

    /// <summary>How many messages the conversation had.</summary>
    public int? MessageCount { get; }

    /// <summary>How long the conversation lasted, in seconds.</summary>
    public int? DurationSeconds { get; }

    /// <summary><see cref="DurationSeconds"/> as a duration.</summary>
    public TimeSpan? Duration => DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
}
