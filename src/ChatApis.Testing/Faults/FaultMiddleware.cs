using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>
/// Hands a request to its fault when a rule claims it; otherwise passes it on untouched, so normal
/// responses are streamed and never buffered.
/// </summary>
internal sealed class FaultMiddleware(FaultInjector faults)
{
    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var fault = faults.Take(context.Request.Method, RequestPaths.RawPath(context));
        return fault is null ? next(context) : fault.ExecuteAsync(context, next);
    }
}
