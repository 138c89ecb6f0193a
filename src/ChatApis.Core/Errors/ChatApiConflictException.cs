namespace ChatApis;

/// <summary>The request conflicts with the server's state (HTTP 409), e.g. an idempotency key reused with another body.</summary>
public class ChatApiConflictException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiConflictException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
