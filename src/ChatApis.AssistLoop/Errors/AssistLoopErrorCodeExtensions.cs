namespace ChatApis.AssistLoop;

/// <summary>Reads AssistLoop's error code from an SDK exception.</summary>
public static class AssistLoopErrorCodeExtensions
{
    /// <summary>The AssistLoop error code the failed response carried, e.g. <see cref="AssistLoopErrorCode.InvalidGrant"/>.</summary>
    /// <param name="exception">The exception an <see cref="AssistLoopClient"/> call threw.</param>
    /// <returns>The code (known or not), or <c>null</c> when the response carried none (e.g. a transport failure, a 429 with only a message, or a proxy's page).</returns>
    public static AssistLoopErrorCode? GetAssistLoopErrorCode(this ChatApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.IsNullOrEmpty(exception.ErrorCode) ? null : new AssistLoopErrorCode(exception.ErrorCode);
    }
}
