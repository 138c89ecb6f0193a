namespace ChatApis.Zipchat;

/// <summary>Reads Zipchat's error code from an SDK exception.</summary>
public static class ZipchatErrorCodeExtensions
{
    /// <summary>The Zipchat error code of the failed response, e.g. <see cref="ZipchatErrorCode.ConversationInAiMode"/>.</summary>
    /// <param name="exception">The exception a <see cref="ZipchatClient"/> call threw.</param>
    /// <returns>
    /// The code (known or not), or <c>null</c> when the response carried none the client recognises (e.g. a 401, a 429,
    /// a transport failure or a proxy's page).
    /// </returns>
    public static ZipchatErrorCode? GetZipchatErrorCode(this ChatApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.IsNullOrEmpty(exception.ErrorCode) ? null : new ZipchatErrorCode(exception.ErrorCode);
    }
}
