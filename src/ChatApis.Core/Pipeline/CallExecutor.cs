using System.Diagnostics;
using ChatApis.Http;

namespace ChatApis.Pipeline;

/// <summary>
/// Runs one logical call from start to end: checks the caller's per-call settings, fixes the call's idempotency
/// key, waits for the call's turn at the rate limiter BEFORE its deadline starts (queueing in a burst is not a
/// failure), then runs attempts in a plain loop (the <see cref="RetryPolicy"/> decides whether and when to
/// retry, each attempt bounded by its own timeout and what is left of the deadline), and ends in a value, a
/// typed error, the caller's own <see cref="OperationCanceledException"/>, or, when the pipeline was disposed
/// while the call waited to retry, an <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class CallExecutor(ChatApiClientOptions clientOptions, string vendor, TimeProvider time, RateLimitTurn turn, RetryPolicy retries, AttemptRunner attempts, AttemptTimeouts timeouts, CallTelemetry telemetry)
    : IDisposable
{
    // Cancelled by Dispose: ends backoff waits at once. Never linked to an attempt, so calls already sending
    // run to their end.
    private readonly CancellationTokenSource _disposing = new();

    public async Task<ApiResponse<T>> SendAsync<T>(ApiOperation operation, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, ExpectedBody<T> body, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(send);
        if (options?.IdempotencyKey is not null && !operation.AcceptsIdempotencyKey)
        {
            throw new ArgumentException($"{vendor} {operation} does not take an idempotency key.", nameof(options));
        }

        ObjectDisposedException.ThrowIf(_disposing.IsCancellationRequested, typeof(ChatApiPipeline));

        // One key for the whole call: every retry re-sends it, so the vendor acts once.
        var key = operation.AcceptsIdempotencyKey ? options?.IdempotencyKey ?? Guid.NewGuid().ToString("N") : null;
        var call = new ApiCall(operation, options, key);
        using var activity = telemetry.StartCall(operation);
        var started = time.GetTimestamp();

        // A burst queues here before its deadline starts: waiting our turn is not a failure.
        var waited = await turn.WaitAsync(call, cancellationToken).ConfigureAwait(false);
        var deadline = new CallDeadline(time, waited ? time.GetTimestamp() : started, options?.Timeout ?? clientOptions.TotalTimeout);
        var outcome = "error";
        Exception? failure = null;

        // Set when the first retry is decided (most calls never need it): from then on the deadline's own
        // timer bounds the backoff waits and the retries, each of which also has its attempt timeout.
        AttemptTimeouts.Lease? deadlineTimer = null;
        var bound = cancellationToken;
        try
        {
            while (true)
            {
                call.Attempt++;
                TimeSpan delay;
                string reason;
                try
                {
                    var timeout = deadlineTimer is null ? deadline.FirstAttempt(clientOptions.AttemptTimeout) : clientOptions.AttemptTimeout;
                    var response = await attempts.RunAsync(call, send, body, timeout, bound).ConfigureAwait(false);
                    outcome = "success";
                    activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                    return response;
                }
                catch (Exception ex) when (!bound.IsCancellationRequested && retries.ShouldRetry(ex, operation, call.Attempt, deadline, out delay, out reason))
                {
                    telemetry.RetryScheduled(operation, call.Attempt, reason, delay, ex);
                }

                if (deadlineTimer is null)
                {
                    deadlineTimer = timeouts.Start(deadline.TimerDue, cancellationToken);
                    bound = deadlineTimer.Value.Token;
                }

                await BackOffAsync(operation, delay, bound).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && deadlineTimer?.Fired == true)
        {
            throw failure = TimedOut(operation, call, deadline, ex);
        }
        catch (AttemptTimeoutException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw failure = TimedOut(operation, call, deadline, ex);
        }
        catch (Exception ex) when ((failure = ex) is null)
        {
            // Never entered: the filter only notes what the call ends with, for the duration metric's error.type.
            throw;
        }
        catch (ChatApiException ex)
        {
            telemetry.CallFailed(operation, call.Attempt, ex);
            throw;
        }
        catch (OperationCanceledException ex)
        {
            outcome = "canceled";

            // An attempt runs under a token linked to the caller's: hand the caller its own token back, so
            // `catch (OperationCanceledException e) when (e.CancellationToken == token)` recognises it.
            if (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
            {
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }

            throw;
        }
        finally
        {
            call.ReleaseTicket();
            deadlineTimer?.Dispose();
            telemetry.CallEnded(operation, started, outcome, failure);
        }
    }

    /// <summary>Ends every call waiting to retry with <see cref="ObjectDisposedException"/>, and refuses new calls.</summary>
    public void Dispose()
    {
        // Cancelling runs the waiting calls' continuations; the source itself is left undisposed because a
        // call may still be linking to its token.
        _disposing.Cancel();
    }

    // The wait before a retry, on the pipeline's clock. Only the retry path gets here, so its linked source
    // costs a successful call nothing.
    private async Task BackOffAsync(ApiOperation operation, TimeSpan delay, CancellationToken cancellationToken)
    {
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token))
        {
            try
            {
                await Task.Delay(delay, time, wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_disposing.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw Disposed(operation);
            }
        }

        if (_disposing.IsCancellationRequested)
        {
            throw Disposed(operation);
        }
    }

    private ChatApiTransportException TimedOut(ApiOperation operation, ApiCall call, CallDeadline deadline, Exception cause)
    {
        var timeout = new ChatApiTransportException(
            $"{vendor} {operation} ({telemetry.Target.Url(operation)}) timed out after {call.Attempt} attempt(s) (attempt timeout {clientOptions.AttemptTimeout}, total {deadline.Total}); " +
            (operation.IsRetrySafe ? "it is safe to try again." : "the outcome is unknown: the server may have acted on it."),
            requestMayHaveReachedServer: true,
            isTimeout: true,
            vendor,
            cause,
            call.Attempt);

        // A retry the deadline cut got no response and was not counted yet (a wait to retry was: its attempt ended).
        attempts.NoResponse(call, timeout);
        telemetry.CallFailed(operation, call.Attempt, timeout);
        return timeout;
    }

    private ObjectDisposedException Disposed(ApiOperation operation) =>
        new(nameof(ChatApiPipeline), $"The {vendor} client was disposed while {operation} waited to retry; the retry was not sent.");
}
