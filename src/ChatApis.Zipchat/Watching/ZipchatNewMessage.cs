namespace ChatApis.Zipchat;

/// <summary>A message <see cref="ZipchatClient.WatchNewMessagesAsync"/> found, with its conversation and the cursor to persist once it is handled.</summary>
/// <param name="conversation">The conversation, as the list showed it in the poll that found the message.</param>
/// <param name="message">The new message.</param>
/// <param name="cursor">The watch's position once this message counts as reported.</param>
public sealed class ZipchatNewMessage(ZipchatConversation conversation, ZipchatMessage message, ZipchatWatchCursor cursor)
{
    /// <summary>The conversation, as the list showed it in the poll that found the message.</summary>
    public ZipchatConversation Conversation { get; } = conversation ?? throw new ArgumentNullException(nameof(conversation));

    /// <summary>The new message.</summary>
    public ZipchatMessage Message { get; } = message ?? throw new ArgumentNullException(nameof(message));

    /// <summary>The watch's position once this message counts as reported: persist it after handling the message.</summary>
    public ZipchatWatchCursor Cursor { get; } = cursor ?? throw new ArgumentNullException(nameof(cursor));

    /// <summary>For diagnostics (no message text).</summary>
    /// <returns>E.g. <c>message 9001 in conversation 12345 at 2026-01-01T00:00:00.0000000+00:00</c>.</returns>
    public override string ToString() => $"message {Message.Id} in conversation {Conversation.Id} at {Message.CreatedAt:O}";
}
