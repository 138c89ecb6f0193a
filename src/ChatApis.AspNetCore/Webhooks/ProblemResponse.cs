using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatApis.AspNetCore;

/// <summary>
/// Writes an RFC 9457 problem (<c>application/problem+json</c>) with a fixed text per code: nothing of the request
/// (no payload, no token) is echoed back.
/// </summary>
internal static class ProblemResponse
{
    public static async Task WriteAsync(HttpContext http, int status, string code, string detail)
    {
        var response = http.Response;
        if (response.HasStarted)
        {
            return;
        }

        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        response.Headers.CacheControl = "no-store";
        using var body = new MemoryStream();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("type", "about:blank");
            json.WriteString("title", ReasonPhrases.GetReasonPhrase(status));
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteString("code", code);
            json.WriteEndObject();
        }

        response.ContentLength = body.Length;
        try
        {
            await response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The sender hung up: nobody to tell.
        }
    }
}
