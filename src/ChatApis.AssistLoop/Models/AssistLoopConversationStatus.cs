namespace ChatApis.AssistLoop;

/// <summary>The conversation status filter of the list endpoint, sent as <c>1</c> (open) or <c>0</c> (closed).</summary>
public enum AssistLoopConversationStatus
{
    /// <summary>Closed conversations (<c>status=0</c>).</summary>
    Closed = 0,

    /// <summary>Open (active) conversations (<c>status=1</c>).</summary>
    Open = 1,
}
