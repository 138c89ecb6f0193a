using ChatApis.Http;
using ChatApis.RateLimiting;

namespace ChatApis.Pipeline;

/// <summary>
/// Waits for a call's turn at the client-side rate limiter (the general budget and the operation's own), and
/// reports a wait. A call waits once before its deadline starts (queueing in a burst is not a failure) and
/// once more before every retry, inside that retry's attempt.
/// </summary>
internal sealed class RateLimitTurn(RateLimitGate gate, CallTelemetry telemetry)
{
    /// <summary>Returns whether the call had to wait for its turn.</summary>
    /// <exception cref="ObjectDisposedException">The gate was disposed (its client was): the request was not sent.</exception>
    public async ValueTask<bool> WaitAsync(ApiOperation operation, CancellationToken cancellationToken)
    {
        var waited = await gate.WaitAsync(operation.RateLimitBudget, cancellationToken).ConfigureAwait(false);
        if (waited <= TimeSpan.Zero)
        {
            return false;
        }

        telemetry.RateLimitWaited(operation, waited);
        return true;
    }
}
