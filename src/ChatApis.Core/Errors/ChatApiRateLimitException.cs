namespace ChatApis;

/// <summary>
/// The vendor's rate limit was hit (HTTP 429) and the SDK could not wait it out within the
/// request's deadline or retry budget. <see cref="ChatApiException.RetryAfter"/> says how long to wait.
/// </summary>
public class ChatApiRateLimitException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description.</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiRateLimitException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
