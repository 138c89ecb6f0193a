namespace ChatApis.Chatting;

/// <summary>Reads Chatting's error code from an SDK exception.</summary>
public static class ChattingErrorCodeExtensions
{
    /// <summary>The Chatting error code the failed response carried, e.g. <see cref="ChattingErrorCode.IdempotencyKeyConflict"/>.</summary>
    /// <param name="exception">The exception a <see cref="ChattingClient"/> call threw.</param>
    /// <returns>The code (known or not), or <c>null</c> when the response carried none (e.g. a transport failure or a proxy's page).</returns>
    public static ChattingErrorCode? GetChattingErrorCode(this ChatApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.IsNullOrEmpty(exception.ErrorCode) ? null : new ChattingErrorCode(exception.ErrorCode);
    }
}
