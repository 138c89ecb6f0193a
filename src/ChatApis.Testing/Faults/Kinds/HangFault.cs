using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Never answers; see <see cref="Fault.Hang"/>.</summary>
public sealed record HangFault : Fault
{
    internal HangFault()
    {
    }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        await FaultIo.WaitForDisconnectAsync(context).ConfigureAwait(false);

        // When the host is shutting down the client may still be there; it must not get a response.
        context.Abort();
    }
}
