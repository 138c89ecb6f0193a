using ChatApis.Pipeline;
using ChatApis.RateLimiting;

namespace ChatApis.Http;

/// <summary>
/// The outermost handler of every client: it turns the <see cref="ApiCall"/> a request carries into what the
/// handlers below and the server need (the options the authentication and OAuth handlers read, Accept-Encoding,
/// User-Agent, the caller's extra headers), and it is the last line of defence for the URL: the request's
/// method and path template must be the operation's, and the filled-in path must have exactly the template's
/// segments (a value such as <c>..</c> that a URI would resolve away is refused, never sent). It logs where each
/// checked request goes (debug level, no ids or query values).
/// </summary>
internal sealed class ChatApiCallHandler(HttpMessageHandler inner, RateLimitGate gate, string userAgent, int baseSegments, CallTelemetry telemetry) : DelegatingHandler(inner)
{
    private static readonly HttpRequestOptionsKey<string> RefitTemplateKey = new(Refit.HttpRequestMessageOptions.RelativePathTemplate);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ApiCall.OptionKey, out var call))
        {
            throw new InvalidOperationException("A ChatApis request must carry its ApiCall (a Refit method takes [Property(ApiCall.PropertyKey)] ApiCall call).");
        }

        var operation = call.Operation;
        CheckMatchesOperation(request, operation);

        request.Headers.TryAddWithoutValidation("Accept-Encoding", ContentDecoding.AcceptEncoding);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (call.Options is { Headers.Count: > 0 } options)
        {
            foreach (var (name, value) in options.Headers)
            {
                // Validated when added, and Add (unlike TryAddWithoutValidation) refuses a new line again.
                request.Headers.Add(name, value);
            }
        }

        request.Options.Set(ChatApiRequestOptionKeys.PathTemplate, operation.PathTemplate);
        request.Options.Set(ChatApiRequestOptionKeys.RateLimitGate, gate);
        if (operation.SkipAuthentication)
        {
            request.Options.Set(ChatApiRequestOptionKeys.SkipAuthentication, true);
        }

        if (operation.RateLimitBudget is not null)
        {
            request.Options.Set(ChatApiRequestOptionKeys.RateLimitBudget, operation.RateLimitBudget);
        }

        telemetry.AttemptSending(call, request.RequestUri);
        return SendCountedAsync(request, call, cancellationToken);
    }

    // The server counted the request when it arrived, so its permits count from when its response came back (the
    // earliest moment the request is known to have arrived), and the response's remaining count is learned from.
    private async Task<HttpResponseMessage> SendCountedAsync(HttpRequestMessage request, ApiCall call, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        finally
        {
            if (response is null)
            {
                call.ReleaseTicket();
            }
            else
            {
                call.ReleaseTicket(response);
            }
        }
    }

    private void CheckMatchesOperation(HttpRequestMessage request, ApiOperation operation)
    {
        var hasTemplate = request.Options.TryGetValue(RefitTemplateKey, out var template);
        if (request.Method != operation.Method || (hasTemplate && !string.Equals(template, operation.PathTemplate, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"The wire contract and the operation disagree: the request is {request.Method} {template}, the operation {operation}.");
        }

        var uri = request.RequestUri ?? throw new InvalidOperationException($"{operation} has no request URI.");
        var expected = (operation.PathTemplate.StartsWith('/') ? 0 : baseSegments) + operation.SegmentCount;
        if (CountSegments(uri.AbsolutePath) != expected)
        {
            // Never echo the path: it holds the caller's values.
            throw new ArgumentException($"A value in the path of {operation} cannot be sent as one path segment (a '.', '..', empty or slash-holding id).");
        }
    }

    private static int CountSegments(string path)
    {
        var count = 0;
        var inSegment = false;
        foreach (var c in path)
        {
            if (c == '/')
            {
                inSegment = false;
            }
            else if (!inSegment)
            {
                inSegment = true;
                count++;
            }
        }

        return count;
    }
}
