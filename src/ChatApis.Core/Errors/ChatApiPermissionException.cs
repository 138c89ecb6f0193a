namespace ChatApis;

/// <summary>The credentials are valid but may not do this (HTTP 403), e.g. an OAuth scope is missing.</summary>
public class ChatApiPermissionException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiPermissionException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
