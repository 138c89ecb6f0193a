using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using ChatApis.Http;

namespace ChatApis.Pipeline;

/// <summary>
/// Runs one attempt of a call under its own timeout, which covers the whole attempt: a retry's turn at the
/// rate limiter, sending, and reading the body. It builds no request itself (the call's send delegate, a
/// vendor's Refit method, builds a fresh one each time) and turns what goes wrong into what the retry policy
/// and the caller understand: a transport failure (with whether the request may have reached the server), an
/// error status or unusable body (via the <see cref="FailureReader"/>), or <see cref="AttemptTimeoutException"/>.
/// Refit's <c>ApiRequestException</c> is unwrapped: the caller sees what the transport or a handler threw.
/// </summary>
internal sealed class AttemptRunner(AttemptTimeouts timeouts, RateLimitTurn turn, ResponseReader reader, FailureReader failures, CallTelemetry telemetry, VendorProfile vendor)
{
    /// <summary>Runs attempt number <see cref="ApiCall.Attempt"/> of <paramref name="call"/>.</summary>
    /// <exception cref="AttemptTimeoutException">The attempt's own timeout fired (the caller did not cancel).</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ApiResponse<T>> RunAsync<T>(ApiCall call, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, ExpectedBody<T> body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var attempt = timeouts.Start(timeout, cancellationToken);
        call.AttemptCounted = false;
        try
        {
            return await SendAndReadAsync(call, send, body, attempt.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException && attempt.Fired && !cancellationToken.IsCancellationRequested)
        {
            // Cancelling a body read may surface as an I/O error of the connection being torn down rather than
            // as a cancellation: either way it was this attempt's timeout, not a broken connection.
            var timedOut = new AttemptTimeoutException(timeout, ex);
            NoResponse(call, timedOut);
            throw timedOut;
        }
        catch (ChatApiTransportException ex)
        {
            NoResponse(call, ex);
            throw;
        }
        finally
        {
            // Normally released already by the call handler when the response came back; this covers an attempt
            // that never got that far (refused, cancelled or failed before or while sending).
            call.ReleaseTicket();
            attempt.Dispose();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApiResponse<T>> SendAndReadAsync<T>(ApiCall call, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, ExpectedBody<T> body, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        if (call.Attempt > 1)
        {
            await turn.WaitAsync(call, cancellationToken).ConfigureAwait(false);
        }

        var attemptStarted = telemetry.AttemptStarting();
        HttpResponseMessage response;
        try
        {
            // The request answers once its headers are in: the body is read below, under this attempt's
            // timeout and the size cap.
            response = await send(call, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TransportFailure(call, ex, duringBody: false);
        }
        catch (Refit.ApiRequestException ex) when (ex.InnerException is HttpRequestException inner && !cancellationToken.IsCancellationRequested)
        {
            // Refit wraps a transport failure; the cause is what decides retry safety.
            throw TransportFailure(call, inner, duringBody: false);
        }
        catch (Refit.ApiRequestException ex) when (ex.InnerException is { } thrown)
        {
            // Refit wraps whatever the handlers threw: a cancellation, the OAuth handler's typed error, the call
            // handler's refusal of a path. The caller gets it as it was thrown.
            ExceptionDispatchInfo.Throw(thrown);
            throw;
        }

        using (response)
        {
            var unsupportedEncoding = ContentDecoding.Decode(response);
            var status = (int)response.StatusCode;
            call.AttemptCounted = true;
            telemetry.AttemptCompleted(operation, status, call.Attempt, attemptStarted);
            if (status is < 200 or > 299)
            {
                throw await failures.ReadAsync(response, call, cancellationToken).ConfigureAwait(false);
            }

            if (unsupportedEncoding is not null)
            {
                throw failures.InvalidBody(response, call, $"was encoded as '{unsupportedEncoding}', which the client did not ask for (it accepts {ContentDecoding.AcceptEncoding})", null);
            }

            T value;
            try
            {
                value = await reader.ReadAsync(response.Content, body, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw failures.InvalidBody(response, call, $"was not the expected JSON ({ex.Message})", ex);
            }
            catch (ResponseTooLargeException ex)
            {
                throw failures.InvalidBody(response, call, $"exceeded the {ex.Limit}-byte response size limit", ex);
            }
            catch (ContentDecodingException ex)
            {
                throw failures.InvalidBody(response, call, $"was labelled Content-Encoding '{ex.Encoding}' but is not {ex.Encoding} data", ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw TransportFailure(call, ex, duringBody: true);
            }

            return new ApiResponse<T>(value, response.StatusCode, vendor.RequestIdOf(response), call.RateLimitOf(response), call.Attempt, call.IdempotencyKey, response.Headers);
        }
    }

    /// <summary>
    /// Counts the current attempt as one that got no response, unless it was counted already (with the status
    /// that arrived before its body broke, say). The executor calls it too, for a retry the call's deadline cut.
    /// </summary>
    public void NoResponse(ApiCall call, Exception error)
    {
        if (!call.AttemptCounted)
        {
            call.AttemptCounted = true;
            telemetry.AttemptGotNoResponse(call.Operation, call.Attempt, error);
        }
    }

    // Whether the request may have reached the server decides whether a state-changing call may be retried.
    private ChatApiTransportException TransportFailure(ApiCall call, Exception ex, bool duringBody)
    {
        var error = ex is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown;
        var neverSent = !duringBody && error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
        var what = duringBody ? "the connection broke while the response body was being read" : $"the request failed ({error})";
        var outcome = neverSent
            ? "it never reached the server."
            : call.Operation.IsRetrySafe ? "it is safe to try again." : "the outcome is unknown: the server may have acted on it.";
        return new ChatApiTransportException(
            $"{vendor.Name} {call.Operation} ({telemetry.Target.Url(call.Operation)}){ChatApiErrorDetails.AttemptsText(call.Attempt)}: {what}; {outcome}", !neverSent, isTimeout: false, vendor.Name, ex, call.Attempt);
    }
}
