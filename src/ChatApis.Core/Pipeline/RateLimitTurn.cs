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
    /// <summary>
    /// Waits for the call's next attempt's permits and gives them to the call to hold until the attempt's response
    /// comes back; returns whether the call had to wait.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The gate was disposed (its client was): the request was not sent.</exception>
    public async ValueTask<bool> WaitAsync(ApiCall call, CancellationToken cancellationToken)
    {
        var operation = call.Operation;
        var ticket = await gate.WaitAsync(operation.RateLimitBudget, cancellationToken).ConfigureAwait(false);
        call.HoldTicket(ticket);
        var waited = ticket.Waited;
        if (waited <= TimeSpan.Zero)
        {
            return false;
        }

        telemetry.RateLimitWaited(operation, waited);
        return true;
    }
}
