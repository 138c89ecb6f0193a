using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Answers with a status and no body; see <see cref="Fault.EmptyBody"/>.</summary>
public sealed record EmptyBodyFault : Fault
{
    internal EmptyBodyFault(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    internal override Task ExecuteAsync(HttpContext context, RequestDelegate next)
        => FaultIo.WriteAsync(context, StatusCode, null, ReadOnlyMemory<byte>.Empty);
}
