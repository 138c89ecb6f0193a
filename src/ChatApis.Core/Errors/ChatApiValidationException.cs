namespace ChatApis;

/// <summary>The server rejected the request's content (HTTP 400 or 422); <see cref="ChatApiException.ErrorCode"/> tells the cases apart.</summary>
public class ChatApiValidationException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiValidationException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
