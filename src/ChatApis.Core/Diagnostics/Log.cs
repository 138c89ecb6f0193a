using Microsoft.Extensions.Logging;

namespace ChatApis.Diagnostics;

// What a line may hold: the vendor, method and path TEMPLATE (the documented names, e.g.
// "chats/{chat_id}/users/{id}"), statuses, counts and durations; where a request went as the URL with its path
// still the template and its query reduced to parameter names ("https://host:port/api/v1/chats/{chat_id}?page=*"),
// never an id or a query value; and, for a request that got no response, the transport's exception types and
// messages (they name the host, port and socket error; nothing of ours puts a credential in one). Never a
// header and never text a server sent (its message, body or request id): nothing a log line holds can be a
// token, key or secret, even one a server echoes. Server text reaches only exceptions, which the pipeline redacts.
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Vendor} {Method} {PathTemplate} -> {StatusCode} (attempt {Attempt}, {ElapsedMs:0.0} ms)")]
    public static partial void AttemptCompleted(ILogger logger, string vendor, string method, string pathTemplate, int statusCode, int attempt, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Vendor} {Method} {PathTemplate} attempt {Attempt} failed ({Reason}); retrying in {DelayMs:0} ms")]
    public static partial void RetryScheduled(ILogger logger, string vendor, string method, string pathTemplate, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Vendor} {Method} {PathTemplate} waited {WaitMs:0} ms for the client-side rate limiter")]
    public static partial void RateLimitWaited(ILogger logger, string vendor, string method, string pathTemplate, double waitMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Vendor} {Method} {PathTemplate} failed after {Attempts} attempt(s): {ExceptionType} {Status}")]
    public static partial void CallFailed(ILogger logger, string vendor, string method, string pathTemplate, int attempts, string exceptionType, string status);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "{Vendor} OAuth access token refreshed; expires at {ExpiresAt:O}")]
    public static partial void TokenRefreshed(ILogger logger, string vendor, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{Vendor} OAuth token refresh failed: {Reason}")]
    public static partial void TokenRefreshFailed(ILogger logger, string vendor, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "{Vendor} {Method} {PathTemplate} got 401; refreshing the access token and retrying once")]
    public static partial void UnauthorizedRefreshing(ILogger logger, string vendor, string method, string pathTemplate);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Vendor} {Method} {PathTemplate} attempt {Attempt} got no response from {HostAndPort} ({ErrorType}: {Cause}); retrying in {DelayMs:0} ms")]
    public static partial void RetryScheduledAfterNoResponse(ILogger logger, string vendor, string method, string pathTemplate, int attempt, string hostAndPort, string errorType, string cause, double delayMs);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{Vendor} {Method} {PathTemplate} failed after {Attempts} attempt(s) with no response from {HostAndPort}: {ExceptionType} ({ErrorType}: {Cause})")]
    public static partial void CallFailedWithoutResponse(ILogger logger, string vendor, string method, string pathTemplate, int attempts, string hostAndPort, string exceptionType, string errorType, string cause);

    [LoggerMessage(EventId = 10, Level = LogLevel.Debug, Message = "{Vendor} sending {Method} {Url} (attempt {Attempt})")]
    public static partial void Sending(ILogger logger, string vendor, string method, string url, int attempt);
}
