using System.Globalization;
using System.Net;
using ChatApis.Http;

namespace ChatApis.Pipeline;

/// <summary>
/// Decides whether a failed attempt is retried and how long to wait first. What is retried: a 429 (the server
/// did not act), a transport failure that provably never reached the server, and, only where repeating the
/// request is safe (<see cref="ApiOperation.IsRetrySafe"/>), 408/500/502/503/504, a lost response and an
/// attempt timeout; never a TLS failure or any other status. The wait is the server's hint (Retry-After, a
/// rate-limit reset, a retry_after in the body) or a jittered exponential backoff; a hint longer than
/// <see cref="ChatApiClientOptions.MaxRetryAfter"/>, or a wait that would pass the call's deadline, ends the
/// call at once with the error in hand.
/// </summary>
internal sealed class RetryPolicy(ChatApiClientOptions options)
{
    /// <summary>Whether attempt number <paramref name="failedAttempt"/> (1-based), which failed with <paramref name="error"/>, is retried.</summary>
    /// <param name="error">What the attempt failed with.</param>
    /// <param name="operation">The endpoint (its retry safety).</param>
    /// <param name="failedAttempt">The attempt that failed, counted from 1.</param>
    /// <param name="deadline">The call's deadline: the wait must end before it.</param>
    /// <param name="delay">How long to wait before the retry.</param>
    /// <param name="reason">Why it is retried (the retries metric's tag and the log line's reason).</param>
    public bool ShouldRetry(Exception error, ApiOperation operation, int failedAttempt, CallDeadline deadline, out TimeSpan delay, out string reason)
    {
        delay = default;
        reason = "none";
        if (failedAttempt > options.MaxRetries)
        {
            return false;
        }

        var safe = operation.IsRetrySafe;
        (bool retry, TimeSpan? hint, reason) = error switch
        {
            ChatApiRateLimitException e => (true, e.RetryAfter, "429"),
            ChatApiTransportException e when IsTlsFailure(e) => (false, null, "tls"),
            ChatApiTransportException e => (safe || !e.RequestMayHaveReachedServer, null, "transport"),
            ChatApiException { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } e
                => (safe, e.RetryAfter, ((int)e.StatusCode!.Value).ToString(CultureInfo.InvariantCulture)),
            AttemptTimeoutException => (safe, null, "attempt-timeout"),
            _ => (false, null, "none"),
        };
        if (!retry || hint > options.MaxRetryAfter)
        {
            return false;
        }

        delay = hint ?? Backoff(failedAttempt - 1);
        return delay < deadline.Remaining;
    }

    /// <summary>The jittered exponential backoff before retry number <paramref name="attemptNumber"/> + 1.</summary>
    public TimeSpan Backoff(int attemptNumber)
    {
        var nominal = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var jittered = Math.Min(nominal, options.RetryMaxDelay.TotalMilliseconds) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.RetryMaxDelay.TotalMilliseconds));
    }

    private static bool IsTlsFailure(ChatApiTransportException e) =>
        e.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError };
}
