namespace ChatApis.Chatting;

/// <summary>The <c>conversation.created</c> trigger: a visitor started a conversation.</summary>
public sealed class ConversationCreatedTrigger : ChattingTrigger
{
    internal ConversationCreatedTrigger(TriggerFields fields)
        : base(fields)
    {
        ConversationId = fields.String("conversation_id");
        VisitorEmail = fields.String("visitor_email");
        VisitorName = fields.String("visitor_name");
        PageUrl = fields.String("page_url");
        FirstMessage = fields.String("first_message");
        Tags = fields.Strings("tags");
        AssignedTo = fields.String("assigned_to");
    }

    /// <summary>The conversation's id.</summary>
    public string? ConversationId { get; }

    /// <summary>The visitor's email, if known.</summary>
    public string? VisitorEmail { get; }

    /// <summary>The visitor's name, if known.</summary>
    public string? VisitorName { get; }

    /// <summary>The page the visitor wrote from.</summary>
    public string? PageUrl { get; }

    /// <summary>The visitor's first message.</summary>
    public string? FirstMessage { get; }

    /// <summary>The conversation's tags (only the nested <c>data</c> object carries them).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Who the conversation is assigned to; <c>null</c> when unassigned.</summary>
    public string? AssignedTo { get; }
}
