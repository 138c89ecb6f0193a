using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Resets the connection before any response; see <see cref="Fault.Abort"/>.</summary>
public sealed record AbortFault : Fault
{
    internal AbortFault()
    {
    }

    internal override Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        context.Abort();
        return Task.CompletedTask;
    }
}
