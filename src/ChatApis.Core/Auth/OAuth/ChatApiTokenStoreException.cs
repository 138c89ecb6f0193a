namespace ChatApis;

/// <summary>
/// The account's <see cref="Auth.OAuth.ITokenStore"/> failed (it threw) at a moment the client had no
/// tokens of its own to fall back on, so no request was sent. The store's exception is the
/// <see cref="Exception.InnerException"/>. Unlike <see cref="ChatApiReauthorizationRequiredException"/>
/// the user's authorization is fine: fix or wait for the store, then call again.
/// </summary>
public class ChatApiTokenStoreException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description; never contains a token.</param>
    /// <param name="vendor">The vendor whose tokens the store keeps.</param>
    /// <param name="innerException">What the store threw.</param>
    public ChatApiTokenStoreException(string message, string? vendor, Exception? innerException = null)
        : base(message, ChatApiErrorDetails.None with { Vendor = vendor }, innerException)
    {
    }
}
