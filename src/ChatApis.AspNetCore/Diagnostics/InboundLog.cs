using Microsoft.Extensions.Logging;

namespace ChatApis.AspNetCore;

// Log lines carry the endpoint's NAME (its route pattern, with {token} unfilled) and never the request path or
// query, which hold the URL token; never a body, a header or a parser's message, which may quote the payload.
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Rejected a delivery from {Source} at {Endpoint}: {Status} {Code}{Reason}")]
    public static partial void Rejected(ILogger logger, string source, string endpoint, int status, string code, string reason);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Handled {Source} {EventName} delivery {DeliveryKey} at {Endpoint}")]
    public static partial void Handled(ILogger logger, string source, string eventName, string deliveryKey, string endpoint);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Acknowledged {Source} {EventName} delivery {DeliveryKey} at {Endpoint}: no handler is registered for it")]
    public static partial void NoHandler(ILogger logger, string source, string eventName, string deliveryKey, string endpoint);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Acknowledged a repeat of {Source} delivery {DeliveryKey} at {Endpoint}: handled before, not run again")]
    public static partial void Duplicate(ILogger logger, string source, string deliveryKey, string endpoint);

    [LoggerMessage(EventId = 104, Level = LogLevel.Information, Message = "{Source} delivery {DeliveryKey} at {Endpoint} is being handled by another request: answered 503 so the sender retries")]
    public static partial void InProgress(ILogger logger, string source, string deliveryKey, string endpoint);

    [LoggerMessage(EventId = 105, Level = LogLevel.Error, Message = "The handler of {Source} {EventName} delivery {DeliveryKey} at {Endpoint} failed: answered 500 so the sender retries")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string source, string eventName, string deliveryKey, string endpoint);

    [LoggerMessage(EventId = 106, Level = LogLevel.Error, Message = "The delivery claim store failed ({Operation}) for {Source} delivery {DeliveryKey} at {Endpoint}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string operation, string source, string deliveryKey, string endpoint);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Zipchat watcher {Watcher} started from {Cursor}")]
    public static partial void WatcherStarted(ILogger logger, string watcher, string cursor);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "Zipchat watcher {Watcher} failed ({ExceptionType}); restarting from its last cursor in {Delay}")]
    public static partial void WatcherFailed(ILogger logger, Exception exception, string watcher, string exceptionType, TimeSpan delay);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "Zipchat watcher {Watcher}: attempt {Attempt} at {DeliveryKey} failed ({Reason}); trying again in {Delay}")]
    public static partial void WatcherRetrying(ILogger logger, Exception? exception, string watcher, int attempt, string deliveryKey, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 113, Level = LogLevel.Error, Message = "Zipchat watcher {Watcher}: gave up on {DeliveryKey} after {Attempts} attempts; moving on")]
    public static partial void WatcherGaveUp(ILogger logger, string watcher, string deliveryKey, int attempts);

    [LoggerMessage(EventId = 114, Level = LogLevel.Information, Message = "Handled zipchat {EventName} {DeliveryKey} from watcher {Watcher}")]
    public static partial void WatcherHandled(ILogger logger, string eventName, string deliveryKey, string watcher);

    /// <summary>A value from outside (an event name) made safe for one log line: printable, at most 64 characters.</summary>
    public static string Safe(string value)
    {
        var clean = new string([.. value.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
        return value.Length > 64 ? clean + "..." : clean;
    }
}
