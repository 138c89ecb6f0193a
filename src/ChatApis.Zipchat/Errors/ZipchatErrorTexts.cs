namespace ChatApis.Zipchat;

/// <summary>The documented error texts of the Zipchat Backend API and the <see cref="ZipchatErrorCode"/> each one means.</summary>
internal static class ZipchatErrorTexts
{
    /// <summary>The code for a documented error text, or <c>null</c> when the text is not one of them.</summary>
    /// <param name="text">The error text the server sent.</param>
    /// <returns>The code, or <c>null</c>.</returns>
    public static ZipchatErrorCode? CodeOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Most specific first: "sender_id is required" must not be read as "message is required".
        return Has(text, "assignee_id is required") ? ZipchatErrorCode.AssigneeIdRequired
            : Has(text, "assignee_id is not an assignable user") ? ZipchatErrorCode.AssigneeNotAssignable
            : Has(text, "sender_id is required") ? ZipchatErrorCode.SenderIdRequired
            : Has(text, "sender_id is not an assignable user") ? ZipchatErrorCode.SenderNotAssignable
            : Has(text, "message is required") ? ZipchatErrorCode.MessageRequired
            : Has(text, "in AI mode") ? ZipchatErrorCode.ConversationInAiMode
            : Has(text, "Meta channel") || Has(text, "more than 24 hours") ? ZipchatErrorCode.MetaReplyWindowClosed
            : null;
    }

    private static bool Has(string text, string phrase) => text.Contains(phrase, StringComparison.OrdinalIgnoreCase);
}
