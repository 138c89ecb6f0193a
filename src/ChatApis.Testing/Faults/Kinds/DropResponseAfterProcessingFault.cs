using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Runs the endpoint, then drops the connection unanswered; see <see cref="Fault.DropResponseAfterProcessing"/>.</summary>
public sealed record DropResponseAfterProcessingFault : Fault
{
    internal DropResponseAfterProcessingFault()
    {
    }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        // Captured, not streamed: not a byte of the response may reach the client.
        await FaultIo.RunEndpointCapturedAsync(context, next).ConfigureAwait(false);
        context.Abort();
    }
}
