namespace ChatApis.Testing.Zipchat;

/// <summary>A snapshot of a simulated conversation, for assertions.</summary>
/// <param name="Id">The conversation id.</param>
/// <param name="ChatId">The chat it belongs to.</param>
/// <param name="Channel">The wire channel, e.g. <c>web</c> or <c>whatsapp</c>.</param>
/// <param name="ManualReplyMode">Whether a human has taken it over.</param>
/// <param name="AssigneeId">The assigned user, or <see langword="null"/> (the AI).</param>
/// <param name="LastMessageAt">When the last message was written.</param>
/// <param name="Messages">The messages, oldest first.</param>
public sealed record ZipchatConversationState(
    long Id,
    long ChatId,
    string Channel,
    bool ManualReplyMode,
    long? AssigneeId,
    DateTimeOffset LastMessageAt,
    IReadOnlyList<ZipchatMessageState> Messages);

/// <summary>A snapshot of a simulated message, for assertions.</summary>
/// <param name="Id">The message id.</param>
/// <param name="Role">The wire role, e.g. <c>user</c> (the customer) or <c>assistant</c>.</param>
/// <param name="Text">The raw <c>message</c> text.</param>
/// <param name="ManualReply">Whether a human sent it.</param>
/// <param name="SenderId">The sending user of a manual reply.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record ZipchatMessageState(long Id, string Role, string Text, bool ManualReply, long? SenderId, DateTimeOffset CreatedAt);
