namespace ChatApis;

/// <summary>The credentials were missing, invalid or expired (HTTP 401, or Vertext's 400 for a missing header): fix or renew them.</summary>
public class ChatApiAuthenticationException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains secrets.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiAuthenticationException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
