using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace ChatApis.Testing;

/// <summary>
/// Records each request in the journal before anything else sees it, leaving the body rewound so
/// the fault injector and the endpoint can still read it.
/// </summary>
internal sealed class JournalMiddleware(RequestJournal journal, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var receivedAt = time.GetUtcNow();

        request.EnableBuffering();
        byte[] body;
        using (var copy = new MemoryStream())
        {
            await request.Body.CopyToAsync(copy, context.RequestAborted).ConfigureAwait(false);
            body = copy.ToArray();
        }

        request.Body.Position = 0;

        journal.Add(new RecordedRequest(
            request.Method,
            RequestPaths.RawPath(context),
            request.QueryString.Value ?? string.Empty,
            ParseQuery(request.QueryString.Value),
            ReadHeaders(request.Headers),
            request.ContentType,
            body,
            receivedAt));

        await next(context).ConfigureAwait(false);
    }

    // HttpRequest.Query folds keys case-insensitively; vendors' parameters are case-sensitive, so parse here.
    private static Dictionary<string, string> ParseQuery(string? queryString)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in new QueryStringEnumerable(queryString))
        {
            query[pair.DecodeName().ToString()] = pair.DecodeValue().ToString();
        }

        return query;
    }

    private static Dictionary<string, string> ReadHeaders(IHeaderDictionary headers)
    {
        var result = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers)
        {
            result[header.Key] = string.Join(", ", header.Value.ToArray());
        }

        return result;
    }
}
