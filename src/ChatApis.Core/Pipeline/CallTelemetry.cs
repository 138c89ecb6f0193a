using System.Diagnostics;
using ChatApis.Diagnostics;
using ChatApis.Http;
using Microsoft.Extensions.Logging;

namespace ChatApis.Pipeline;

/// <summary>
/// What a call tells the outside world: one client span per logical call (OpenTelemetry HTTP client
/// conventions; each attempt, scheduled retry and rate-limit wait an event on it), the request, retry,
/// rate-limit wait and call-duration metrics, and the log lines. Tags and log arguments are the vendor, method,
/// path TEMPLATE, server host and port, statuses and error types (never ids, query values, headers or server
/// text); see <see cref="Log"/> for what a log line may hold. Each source is checked for listeners first, so a
/// call that nobody observes pays for none of it.
/// </summary>
/// <remarks>
/// The call's span is <see cref="Activity.Current"/> throughout the call (the executor starts it and every
/// stage runs inside that flow): the stages report to this class without handing the span around.
/// </remarks>
internal sealed class CallTelemetry(string vendor, ILogger logger, TimeProvider time, RequestTarget target)
{
    /// <summary>
    /// Turns shorter than this are measured (the histogram shows how many calls did not wait) but neither
    /// logged nor marked on the span: an uncontended turn takes microseconds and is not news.
    /// </summary>
    public static readonly TimeSpan LoggedWaitThreshold = TimeSpan.FromMilliseconds(1);

    /// <summary>Where this pipeline's calls go (for messages and logs).</summary>
    public RequestTarget Target => target;

    /// <summary>Starts the call's span, or returns <c>null</c> when nobody listens.</summary>
    public Activity? StartCall(ApiOperation operation)
    {
        if (!ChatApisTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var template = target.Template(operation);
        var activity = ChatApisTelemetry.ActivitySource.StartActivity($"{operation.Method.Method} {template}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", operation.Method.Method);
            activity.SetTag("server.address", target.ServerAddress);
            activity.SetTag("server.port", target.ServerPort);
            activity.SetTag("url.template", template);
            activity.SetTag("chatapis.vendor", vendor);
        }

        return activity;
    }

    /// <summary>Records the logical call's duration (retries and waits included) and its outcome.</summary>
    public void CallEnded(ApiOperation operation, long started, string outcome, Exception? failure)
    {
        if (ChatApisTelemetry.CallDuration.Enabled)
        {
            var tags = new TagList
            {
                { "chatapis.vendor", vendor },
                { "http.request.method", operation.Method.Method },
                { "chatapis.outcome", outcome },
            };

            // As the HTTP client conventions do for a failed request's duration: what it failed with.
            if (outcome == "error")
            {
                tags.Add("error.type", failure is null ? "_OTHER" : ErrorTypes.Of(failure));
            }

            ChatApisTelemetry.CallDuration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    /// <summary>
    /// Logs at debug level where an attempt goes (the URL with the path template and the query's names only):
    /// our own line, since an app that removes the HttpClient's loggers loses the transport's.
    /// </summary>
    public void AttemptSending(ApiCall call, Uri? requestUri)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.Sending(logger, vendor, call.Operation.Method.Method, target.UrlWithQueryNames(call.Operation, requestUri), call.Attempt);
        }
    }

    /// <summary>The timestamp an attempt's debug line is measured from (0 when that line is off).</summary>
    public long AttemptStarting() => logger.IsEnabled(LogLevel.Debug) ? time.GetTimestamp() : 0;

    /// <summary>Counts an attempt that got a response, marks it on the span, and logs it at debug level.</summary>
    public void AttemptCompleted(ApiOperation operation, int status, int attempt, long attemptStarted)
    {
        if (ChatApisTelemetry.Requests.Enabled)
        {
            ChatApisTelemetry.Requests.Add(1, new("chatapis.vendor", vendor), new("http.request.method", operation.Method.Method), new("http.response.status_code", status));
        }

        if (CallSpan() is { } span)
        {
            span.AddEvent(new ActivityEvent("chatapis.attempt", tags: new ActivityTagsCollection
            {
                ["chatapis.attempt"] = attempt,
                ["http.response.status_code"] = status,
            }));
            Resent(span, attempt);
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.AttemptCompleted(logger, vendor, operation.Method.Method, operation.PathTemplate, status, attempt, time.GetElapsedTime(attemptStarted).TotalMilliseconds);
        }
    }

    /// <summary>Counts an attempt that ended without a response (transport failure or attempt timeout) and marks it on the span.</summary>
    public void AttemptGotNoResponse(ApiOperation operation, int attempt, Exception error)
    {
        var span = CallSpan();
        if (!ChatApisTelemetry.Requests.Enabled && span is null)
        {
            return;
        }

        var errorType = ErrorTypes.Of(error);
        if (ChatApisTelemetry.Requests.Enabled)
        {
            ChatApisTelemetry.Requests.Add(1, new("chatapis.vendor", vendor), new("http.request.method", operation.Method.Method), new("error.type", errorType));
        }

        if (span is not null)
        {
            span.AddEvent(new ActivityEvent("chatapis.attempt", tags: new ActivityTagsCollection
            {
                ["chatapis.attempt"] = attempt,
                ["error.type"] = errorType,
            }));
            Resent(span, attempt);
        }
    }

    /// <summary>Counts a scheduled retry, marks it on the span, and logs why and after how long.</summary>
    public void RetryScheduled(ApiOperation operation, int failedAttempt, string reason, TimeSpan delay, Exception error)
    {
        var span = CallSpan();
        var errorType = ChatApisTelemetry.Retries.Enabled || span is not null || logger.IsEnabled(LogLevel.Warning) ? ErrorTypes.Of(error) : "";
        if (ChatApisTelemetry.Retries.Enabled)
        {
            ChatApisTelemetry.Retries.Add(1, new("chatapis.vendor", vendor), new("error.type", errorType));
        }

        span?.AddEvent(new ActivityEvent("chatapis.retry", tags: new ActivityTagsCollection
        {
            ["chatapis.attempt"] = failedAttempt,
            ["error.type"] = errorType,
            ["chatapis.retry.delay"] = delay.TotalSeconds,
        }));

        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        if (error is ChatApiException { StatusCode: not null })
        {
            Log.RetryScheduled(logger, vendor, operation.Method.Method, operation.PathTemplate, failedAttempt, reason, delay.TotalMilliseconds);
        }
        else
        {
            Log.RetryScheduledAfterNoResponse(logger, vendor, operation.Method.Method, operation.PathTemplate, failedAttempt, target.HostAndPort, errorType, ErrorTypes.Cause(error), delay.TotalMilliseconds);
        }
    }

    /// <summary>Records a turn at the client-side rate limiter; marks and logs it (debug level) when it lasted at least <see cref="LoggedWaitThreshold"/>.</summary>
    public void RateLimitWaited(ApiOperation operation, TimeSpan waited)
    {
        if (ChatApisTelemetry.RateLimitWaits.Enabled)
        {
            ChatApisTelemetry.RateLimitWaits.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("chatapis.vendor", vendor));
        }

        if (waited < LoggedWaitThreshold)
        {
            return;
        }

        CallSpan()?.AddEvent(new ActivityEvent("chatapis.rate_limit.wait", tags: new ActivityTagsCollection
        {
            ["chatapis.rate_limit.wait"] = waited.TotalSeconds,
        }));

        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.RateLimitWaited(logger, vendor, operation.Method.Method, operation.PathTemplate, waited.TotalMilliseconds);
        }
    }

    /// <summary>Marks the span failed and logs the typed error a call ended with.</summary>
    public void CallFailed(ApiOperation operation, int attempts, ChatApiException error)
    {
        var noResponse = error.StatusCode is null && error is ChatApiTransportException;
        var span = CallSpan();
        var errorType = span is not null || (noResponse && logger.IsEnabled(LogLevel.Warning)) ? ErrorTypes.Of(error) : "";
        if (span is not null)
        {
            if (error.StatusCode is { } status)
            {
                span.SetTag("http.response.status_code", (int)status);
            }

            span.SetTag("error.type", errorType);

            // The description names the error's type and status, never its message (which quotes the server).
            span.SetStatus(ActivityStatusCode.Error, error.StatusCode is { } s ? $"{error.GetType().Name} ({(int)s})" : $"{error.GetType().Name} ({errorType})");
        }

        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        if (noResponse)
        {
            Log.CallFailedWithoutResponse(logger, vendor, operation.Method.Method, operation.PathTemplate, attempts, target.HostAndPort, error.GetType().Name, errorType, ErrorTypes.Cause(error));
        }
        else
        {
            Log.CallFailed(logger, vendor, operation.Method.Method, operation.PathTemplate, attempts, error.GetType().Name, error.StatusCode is { } code ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response");
        }
    }

    // The span of the call this flow runs (started by StartCall), when it records data.
    private static Activity? CallSpan() =>
        ChatApisTelemetry.ActivitySource.HasListeners() && Activity.Current is { IsAllDataRequested: true } current && ReferenceEquals(current.Source, ChatApisTelemetry.ActivitySource)
            ? current
            : null;

    // http.request.resend_count: how many times the request was sent again (the convention's retry count).
    private static void Resent(Activity span, int attempt)
    {
        if (attempt > 1)
        {
            span.SetTag("http.request.resend_count", attempt - 1);
        }
    }
}
