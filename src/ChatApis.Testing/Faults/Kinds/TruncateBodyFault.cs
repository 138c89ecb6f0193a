using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Runs the endpoint and sends only the start of its body; see <see cref="Fault.TruncateBody"/>.</summary>
public sealed record TruncateBodyFault : Fault
{
    internal TruncateBodyFault(int keepBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keepBytes);
        KeepBytes = keepBytes;
    }

    /// <summary>How many body bytes are sent before the connection is dropped.</summary>
    public int KeepBytes { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        var body = await FaultIo.RunEndpointCapturedAsync(context, next).ConfigureAwait(false);

        // The full length is announced so the client expects more than it will get. Ending the response
        // short of it makes Kestrel close the connection once the partial body has gone out; an explicit
        // Abort here would race that send, and the client would often see a reset instead of the headers.
        context.Response.ContentLength = body.Length;
        await FaultIo.SendNowAsync(context, body.AsMemory(0, Math.Min(KeepBytes, body.Length))).ConfigureAwait(false);
    }
}
