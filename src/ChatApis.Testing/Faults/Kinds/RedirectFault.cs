using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Answers with a redirect; see <see cref="Fault.Redirect"/>.</summary>
public sealed record RedirectFault : Fault
{
    internal RedirectFault(string location, int statusCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 399);
        Location = location;
        StatusCode = statusCode;
    }

    /// <summary>The <c>Location</c> header value.</summary>
    public string Location { get; }

    /// <summary>The redirect status code.</summary>
    public int StatusCode { get; }

    internal override Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers.Location = Location;
        return FaultIo.WriteAsync(context, StatusCode, null, ReadOnlyMemory<byte>.Empty);
    }
}
