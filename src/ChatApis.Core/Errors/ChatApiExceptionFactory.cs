using System.Net;

namespace ChatApis;

/// <summary>Chooses the exception type for a failed response's status.</summary>
public static class ChatApiExceptionFactory
{
    /// <summary>Creates the typed exception for a non-success response.</summary>
    /// <param name="details">What the server answered.</param>
    /// <param name="operation">A short description of the call, e.g. "GET conversations/{id}".</param>
    /// <returns>The exception to throw.</returns>
    public static ChatApiException FromResponse(ChatApiErrorDetails details, string operation) => FromResponse(details, operation, url: null);

    /// <summary>
    /// Creates the typed exception, naming <paramref name="url"/> after the operation when given (the pipeline
    /// gives it for a 404, where a wrong base address is the usual cause).
    /// </summary>
    internal static ChatApiException FromResponse(ChatApiErrorDetails details, string operation, string? url)
    {
        ArgumentNullException.ThrowIfNull(details);
        var status = (int)(details.StatusCode ?? 0);
        var message = Describe(details, url is null ? operation : $"{operation} ({url})");
        return status switch
        {
            401 => new ChatApiAuthenticationException(message, details),
            403 => new ChatApiPermissionException(message, details),
            404 => new ChatApiNotFoundException(message, details),
            400 or 422 => new ChatApiValidationException(message, details),
            409 => new ChatApiConflictException(message, details),
            429 => new ChatApiRateLimitException(message, details),
            >= 500 and <= 599 => new ChatApiServerException(message, details),
            >= 300 and <= 399 => new ChatApiInvalidResponseException(message, details),
            _ => new ChatApiException(message, details),
        };
    }

    private static string Describe(ChatApiErrorDetails d, string operation)
    {
        var status = d.StatusCode is { } s ? $"{(int)s} {ReasonOf(s)}" : "no status";
        var vendor = d.Vendor is null ? "" : d.Vendor + " ";
        var said = (d.ErrorCode, d.Message) switch
        {
            (null, null) => "",
            (string c, null) => $": {c}",
            (null, string m) => $": {m}",
            (string c, string m) when c == m => $": {c}",
            (string c, string m) => $": {c} ({m})",
        };
        var requestId = d.RequestId is null ? "" : $" [request id {d.RequestId}]";
        return $"{vendor}{operation} failed with {status}{d.AfterAttempts}{said}{requestId}";
    }

    private static string ReasonOf(HttpStatusCode status) => status switch
    {
        (HttpStatusCode)422 => "Unprocessable Entity",
        (HttpStatusCode)429 => "Too Many Requests",
        _ => status.ToString(),
    };
}
