using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatApis.Testing;

/// <summary>Answers with an HTML error page like a reverse proxy's; see <see cref="Fault.Html"/>.</summary>
public sealed record HtmlFault : Fault
{
    internal HtmlFault(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    internal override Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        // SDKs must not try to parse this as JSON; a page shaped like a real proxy's proves they don't.
        var title = $"{StatusCode} {ReasonPhrases.GetReasonPhrase(StatusCode)}".TrimEnd();
        var page = $"""
            <html>
            <head><title>{title}</title></head>
            <body>
            <center><h1>{title}</h1></center>
            <hr><center>simulated proxy</center>
            </body>
            </html>

            """;
        return FaultIo.WriteAsync(context, StatusCode, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
    }
}
