using System.Text;
using System.Text.Json;

namespace ChatApis.Testing;

/// <summary>One request as a simulator received it, recorded before any fault or endpoint handled it.</summary>
public sealed class RecordedRequest
{
    internal RecordedRequest(
        string method,
        string path,
        string queryString,
        IReadOnlyDictionary<string, string> query,
        IReadOnlyDictionary<string, string> headers,
        string? contentType,
        byte[] bodyBytes,
        DateTimeOffset receivedAt)
    {
        Method = method;
        Path = path;
        QueryString = queryString;
        Query = query;
        Headers = headers;
        ContentType = contentType;
        BodyBytes = bodyBytes;
        Body = Encoding.UTF8.GetString(bodyBytes);
        ReceivedAt = receivedAt;
    }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The request path as sent on the wire, without the query, e.g. <c>/api/v1/agents/agt_1/conversations/list</c>.</summary>
    public string Path { get; }

    /// <summary>The raw query string including its leading <c>?</c>, or an empty string when there is none.</summary>
    public string QueryString { get; }

    /// <summary>The decoded query parameters; keys are case-sensitive and the last value of a repeated key wins.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>The request headers; keys are case-insensitive and repeated values are joined with <c>", "</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>Content-Type</c> header, or <see langword="null"/> when absent.</summary>
    public string? ContentType { get; }

    /// <summary>The request body exactly as received (empty when there was none).</summary>
    public byte[] BodyBytes { get; }

    /// <summary>The request body decoded as UTF-8.</summary>
    public string Body { get; }

    /// <summary>When the request arrived, according to the host's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Parses the body as JSON.</summary>
    /// <returns>The parsed document (the caller disposes it), or <see langword="null"/> when the body is empty or not valid JSON.</returns>
    public JsonDocument? TryParseJsonBody()
    {
        if (BodyBytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(BodyBytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A one-line summary for test failure messages.</summary>
    /// <returns>The method, path and query, e.g. <c>GET /items?limit=2</c>.</returns>
    public override string ToString() => $"{Method} {Path}{QueryString}";
}
