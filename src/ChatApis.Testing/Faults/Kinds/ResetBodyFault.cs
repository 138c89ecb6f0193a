using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Runs the endpoint, sends the start of its body, then resets the connection; see <see cref="Fault.ResetBody"/>.</summary>
public sealed record ResetBodyFault : Fault
{
    internal ResetBodyFault(int keepBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepBytes);
        KeepBytes = keepBytes;
    }

    private static readonly TimeSpan PartialBodyPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan WholeBodyGrace = TimeSpan.FromSeconds(1);

    /// <summary>How many body bytes are sent before the connection is reset.</summary>
    public int KeepBytes { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        var body = await FaultIo.RunEndpointCapturedAsync(context, next).ConfigureAwait(false);
        context.Response.ContentLength = body.Length;
        await FaultIo.SendNowAsync(context, body.AsMemory(0, Math.Min(KeepBytes, body.Length))).ConfigureAwait(false);

        // Unlike TruncateBody (an orderly close once the short body is out), this aborts: the client
        // sees the partial body and then a reset, not a FIN. The pause lets the partial body leave first.
        // A reset discards what the client's socket has not read yet, so when the WHOLE body went out
        // (the case "the response arrived, then the connection dropped") the pause must outlast a client
        // slowed by a loaded machine: it ends early if the client closes the connection itself.
        var wholeBodySent = KeepBytes >= body.Length;
        try
        {
            await Task.Delay(wholeBodySent ? WholeBodyGrace : PartialBodyPause, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Abort();
    }
}
