namespace ChatApis;

/// <summary>The server answered with a success status but a body the SDK could not read (malformed, truncated, empty or oversize), or with a redirect that was not followed.</summary>
public class ChatApiInvalidResponseException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiInvalidResponseException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
