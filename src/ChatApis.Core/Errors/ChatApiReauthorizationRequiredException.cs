namespace ChatApis;

/// <summary>
/// The OAuth refresh token was rejected (invalid_grant) or is missing: the user must authorize the
/// application again. The token store was left unchanged.
/// </summary>
public class ChatApiReauthorizationRequiredException : ChatApiAuthenticationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains a token.</param>
    /// <param name="details">What the token endpoint answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiReauthorizationRequiredException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
