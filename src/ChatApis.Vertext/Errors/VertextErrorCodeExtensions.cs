namespace ChatApis.Vertext;

/// <summary>Reads the Vertext error code from an SDK exception.</summary>
public static class VertextErrorCodeExtensions
{
    /// <summary>The Vertext error code of a failed call, e.g. <see cref="VertextErrorCode.TokenInvalid"/>.</summary>
    /// <param name="exception">The exception a <see cref="VertextClient"/> call threw.</param>
    /// <returns>The code (known or not), or <c>null</c> when the failure has none (e.g. a 404, a 500 or a transport failure).</returns>
    public static VertextErrorCode? GetVertextErrorCode(this ChatApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return string.IsNullOrEmpty(exception.ErrorCode) ? null : new VertextErrorCode(exception.ErrorCode);
    }
}
