namespace ChatApis;

/// <summary>The resource does not exist or is not visible to these credentials (HTTP 404).</summary>
public class ChatApiNotFoundException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiNotFoundException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
