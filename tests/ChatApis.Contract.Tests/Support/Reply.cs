using System.Text;
using WireMock;
using WireMock.ResponseBuilders;

namespace ChatApis.Contract.Tests.Support;

/// <summary>What a stub answers: the documented status, headers and body (a document's example, verbatim).</summary>
public sealed class Reply
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _body;
    private readonly Func<IRequestMessage, string>? _dynamicBody;

    private Reply(int status, string? body, Func<IRequestMessage, string>? dynamicBody, string? contentType)
    {
        Status = status;
        _body = body;
        _dynamicBody = dynamicBody;
        if (contentType is not null)
        {
            _headers["Content-Type"] = contentType;
        }
    }

    public int Status { get; }

    public static Reply Json(int status, string body) => new(status, body, null, "application/json");

    /// <summary>A JSON body computed from the request (a stub that follows a documented filter, e.g. <c>created_to</c>).</summary>
    public static Reply Json(int status, Func<IRequestMessage, string> body) => new(status, null, body, "application/json");

    public static Reply Text(int status, string text) => new(status, text, null, "text/plain; charset=utf-8");

    public static Reply Empty(int status) => new(status, null, null, null);

    public Reply Header(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    internal IResponseBuilder Build()
    {
        var response = Response.Create().WithStatusCode(Status);
        foreach (var (name, value) in _headers)
        {
            response = response.WithHeader(name, value);
        }

        if (_body is not null)
        {
            response = response.WithBody(_body, encoding: Encoding.UTF8);
        }
        else if (_dynamicBody is not null)
        {
            response = response.WithBody(_dynamicBody, encoding: Encoding.UTF8);
        }

        return response;
    }
}
