using System.Diagnostics;
using System.Globalization;
using ChatApis.Diagnostics;
using ChatApis.Http;
using Microsoft.Extensions.Logging;

namespace ChatApis.Pipeline;

/// <summary>
/// What a call tells the outside world: one client span per logical call, the request, retry, rate-limit wait
/// and call-duration metrics, and the log lines. Every tag and log argument is the vendor, method and path
/// TEMPLATE (never ids, values or server text), so nothing here can carry a secret. Each source is checked
/// for listeners first, so a call that nobody observes pays for none of it.
/// </summary>
internal sealed class CallTelemetry(string vendor, ILogger logger, TimeProvider time)
{
    /// <summary>Starts the call's span, or returns <c>null</c> when nobody listens.</summary>
    public Activity? StartCall(ApiOperation operation)
    {
        if (!ChatApisTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ChatApisTelemetry.ActivitySource.StartActivity($"{vendor} {operation.Method.Method} {operation.PathTemplate}", ActivityKind.Client);
        activity?.SetTag("chatapis.vendor", vendor);
        activity?.SetTag("http.request.method", operation.Method.Method);
        activity?.SetTag("url.template", operation.PathTemplate);
        return activity;
    }

    /// <summary>Records the logical call's duration (retries and waits included) and its outcome.</summary>
    public void CallEnded(ApiOperation operation, long started, string outcome)
    {
        if (ChatApisTelemetry.CallDuration.Enabled)
        {
            ChatApisTelemetry.CallDuration.Record(
                time.GetElapsedTime(started).TotalSeconds,
                new("vendor", vendor),
                new("method", operation.Method.Method),
                new("outcome", outcome));
        }
    }

    /// <summary>The timestamp an attempt's debug line is measured from (0 when that line is off).</summary>
    public long AttemptStarting() => logger.IsEnabled(LogLevel.Debug) ? time.GetTimestamp() : 0;

    /// <summary>Counts an attempt that got a response, and logs it at debug level.</summary>
    public void AttemptCompleted(ApiOperation operation, int status, int attempt, long attemptStarted)
    {
        if (ChatApisTelemetry.Requests.Enabled)
        {
            ChatApisTelemetry.Requests.Add(1, new("vendor", vendor), new("method", operation.Method.Method), new("status", status));
        }

        if (logger.IsEnabled(LogLevel.Debug))
        {
            Log.AttemptCompleted(logger, vendor, operation.Method.Method, operation.PathTemplate, status, attempt, time.GetElapsedTime(attemptStarted).TotalMilliseconds);
        }
    }

    /// <summary>Counts a scheduled retry and logs why and after how long.</summary>
    public void RetryScheduled(ApiOperation operation, int failedAttempt, string reason, TimeSpan delay)
    {
        ChatApisTelemetry.Retries.Add(1, new("vendor", vendor), new("reason", reason));
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Log.RetryScheduled(logger, vendor, operation.Method.Method, operation.PathTemplate, failedAttempt, reason, delay.TotalMilliseconds);
        }
    }

    /// <summary>Records a wait for the client-side rate limiter.</summary>
    public void RateLimitWaited(ApiOperation operation, TimeSpan waited)
    {
        ChatApisTelemetry.RateLimitWaits.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("vendor", vendor));
        if (logger.IsEnabled(LogLevel.Information))
        {
            Log.RateLimitWaited(logger, vendor, operation.Method.Method, operation.PathTemplate, waited.TotalMilliseconds);
        }
    }

    /// <summary>Logs the typed error a call ended with.</summary>
    public void CallFailed(ApiOperation operation, int attempts, ChatApiException error)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            Log.CallFailed(logger, vendor, operation.Method.Method, operation.PathTemplate, attempts, error.GetType().Name, error.StatusCode is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no response");
        }
    }
}
