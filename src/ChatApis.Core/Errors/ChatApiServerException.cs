namespace ChatApis;

/// <summary>The vendor's server failed (HTTP 5xx); retried automatically where that is safe.</summary>
public class ChatApiServerException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiServerException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
