using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Runs the endpoint and swaps its body; see <see cref="Fault.ReplaceBody"/>.</summary>
public sealed record ReplaceBodyFault : Fault
{
    internal ReplaceBodyFault(string body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        ContentType = contentType;
    }

    /// <summary>The body sent instead of the endpoint's.</summary>
    public string Body { get; }

    /// <summary>The content type sent instead of the endpoint's, or <see langword="null"/> to keep it.</summary>
    public string? ContentType { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        _ = await FaultIo.RunEndpointCapturedAsync(context, next).ConfigureAwait(false);
        await FaultIo.WriteAsync(context, context.Response.StatusCode, ContentType, Encoding.UTF8.GetBytes(Body)).ConfigureAwait(false);
    }
}
