using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Answers with the given bytes instead of running the endpoint; see <see cref="Fault.RawBody"/>.</summary>
public sealed record RawBodyFault : Fault
{
    private readonly byte[] _body;

    internal RawBodyFault(int statusCode, byte[] body, string contentType)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(contentType);
        StatusCode = statusCode;
        _body = body;
        ContentType = contentType;
    }

    /// <summary>The status code sent.</summary>
    public int StatusCode { get; }

    /// <summary>The body sent, byte for byte (it need not be valid UTF-8).</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>The Content-Type sent.</summary>
    public string ContentType { get; }

    internal override Task ExecuteAsync(HttpContext context, RequestDelegate next) =>
        FaultIo.WriteAsync(context, StatusCode, ContentType, _body);
}
