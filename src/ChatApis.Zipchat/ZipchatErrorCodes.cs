namespace ChatApis.Zipchat;

/// <summary>
/// The stable <see cref="ChatApiException.ErrorCode"/> values the Zipchat client sets. Zipchat answers
/// errors with a message text only; the client recognises the documented texts and maps each to one of
/// these codes, so callers can tell the cases apart without comparing messages. The vendor's own text
/// stays in the exception's message.
/// </summary>
public static class ZipchatErrorCodes
{
    /// <summary>422: the assignment body had no <c>assignee_id</c> ("assignee_id is required (use null to assign to AI)").</summary>
    public const string AssigneeIdRequired = "assignee_id_required";

    /// <summary>422: the assignee is not the chat owner or a participant ("assignee_id is not an assignable user for this chat").</summary>
    public const string AssigneeNotAssignable = "assignee_not_assignable";

    /// <summary>422: the manual message was empty or missing ("message is required").</summary>
    public const string MessageRequired = "message_required";

    /// <summary>422: the manual message had no sender ("sender_id is required").</summary>
    public const string SenderIdRequired = "sender_id_required";

    /// <summary>422: the sender is not the chat owner or a participant ("sender_id is not an assignable user for this chat").</summary>
    public const string SenderNotAssignable = "sender_not_assignable";

    /// <summary>422: the conversation is still answered by the AI; take it over first ("Conversation is in AI mode; ...").</summary>
    public const string ConversationInAiMode = "conversation_in_ai_mode";

    /// <summary>422: on WhatsApp, Instagram or Messenger the customer last wrote more than 24 hours ago (Meta's reply window).</summary>
    public const string MetaReplyWindowClosed = "meta_reply_window_closed";

    /// <summary>422 with any other text: an invalid parameter (e.g. a malformed timestamp).</summary>
    public const string InvalidParameter = "invalid_parameter";

    /// <summary>404: the conversation or user is not in this chat (or does not exist).</summary>
    public const string NotFound = "not_found";

    /// <summary>The code for a documented error text, or <c>null</c> when the text is not one of them.</summary>
    /// <param name="text">The error text the server sent.</param>
    /// <returns>The code, or <c>null</c>.</returns>
    internal static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Most specific first: "sender_id is required" must not be read as "message is required".
        return Has(text, "assignee_id is required") ? AssigneeIdRequired
            : Has(text, "assignee_id is not an assignable user") ? AssigneeNotAssignable
            : Has(text, "sender_id is required") ? SenderIdRequired
            : Has(text, "sender_id is not an assignable user") ? SenderNotAssignable
            : Has(text, "message is required") ? MessageRequired
            : Has(text, "in AI mode") ? ConversationInAiMode
            : Has(text, "Meta channel") || Has(text, "more than 24 hours") ? MetaReplyWindowClosed
            : null;
    }

    private static bool Has(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
}
