using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Answers at once with a fixed status, body and headers; see <see cref="Fault.Status"/>.</summary>
public sealed record StatusFault : Fault
{
    internal StatusFault(int statusCode, string? body, string contentType, IReadOnlyDictionary<string, string>? headers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(contentType);
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        Headers = headers;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body text, or <see langword="null"/> for an empty body.</summary>
    public string? Body { get; }

    /// <summary>The content type sent with a non-null <see cref="Body"/>.</summary>
    public string ContentType { get; }

    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; }

    internal override Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        if (Headers is not null)
        {
            foreach (var (name, value) in Headers)
            {
                context.Response.Headers[name] = value;
            }
        }

        return Body is null
            ? FaultIo.WriteAsync(context, StatusCode, null, ReadOnlyMemory<byte>.Empty)
            : FaultIo.WriteAsync(context, StatusCode, ContentType, Encoding.UTF8.GetBytes(Body));
    }
}
