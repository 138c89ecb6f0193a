using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>
/// Writes JSON text verbatim. Simulators keep vendors' documented payloads as raw strings, so nothing
/// here serializes (which also keeps the package trim- and AOT-safe).
/// </summary>
internal sealed class RawJsonResult(string json, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string JsonContentType = "application/json";

    public int? StatusCode => statusCode;

    public string ContentType => JsonContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var bytes = Encoding.UTF8.GetBytes(json);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = JsonContentType;
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, httpContext.RequestAborted).AsTask();
    }
}
