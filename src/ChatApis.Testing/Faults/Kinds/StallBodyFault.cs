using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Runs the endpoint, sends part of its body and then nothing more; see <see cref="Fault.StallBody"/>.</summary>
public sealed record StallBodyFault : Fault
{
    internal StallBodyFault(int bytesBeforeStall)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesBeforeStall);
        BytesBeforeStall = bytesBeforeStall;
    }

    /// <summary>How many body bytes are sent before the stall.</summary>
    public int BytesBeforeStall { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        var body = await FaultIo.RunEndpointCapturedAsync(context, next).ConfigureAwait(false);
        var sent = Math.Min(BytesBeforeStall, body.Length);

        // The client must be left waiting for more. With the whole body already sent, a Content-Length
        // would tell it the response is complete, so chunked encoding (no final chunk) keeps it waiting.
        context.Response.ContentLength = sent < body.Length ? body.Length : null;
        await FaultIo.SendNowAsync(context, body.AsMemory(0, sent)).ConfigureAwait(false);
        await FaultIo.WaitForDisconnectAsync(context).ConfigureAwait(false);
        context.Abort();
    }
}
