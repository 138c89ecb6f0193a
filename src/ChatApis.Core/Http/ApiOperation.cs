namespace ChatApis.Http;

/// <summary>
/// What the pipeline must know about one endpoint before it sends anything: its method and path template (for
/// logs, metrics, spans and error messages, never holding ids), whether repeating it is safe, which extra
/// rate-limit budget it draws from, and whether it takes an idempotency key. A vendor declares one per endpoint
/// next to its Refit interface, with the same path constant; the pipeline checks on every attempt that the Refit
/// request matches it, so the two declarations cannot drift apart.
/// </summary>
public sealed class ApiOperation
{
    /// <summary>Declares an endpoint.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">
    /// The path template exactly as the Refit attribute spells it (e.g. <c>"chats/{chat_id}/conversations"</c>,
    /// or <c>"/oauth/token"</c> for a path resolved against the host root).
    /// </param>
    public ApiOperation(HttpMethod method, string pathTemplate)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(pathTemplate);
        Method = method;
        PathTemplate = pathTemplate;
        _safeByMethod = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;
        SegmentCount = CountSegments(pathTemplate);
    }

    private readonly bool _safeByMethod;

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template (safe to log: it holds no ids or values).</summary>
    public string PathTemplate { get; }

    /// <summary>
    /// Marks an endpoint whose repetition is harmless although its method is not idempotent (e.g. a PATCH or
    /// POST that sets a value).
    /// </summary>
    public bool Idempotent { get; init; }

    /// <summary>
    /// Whether the vendor honours an idempotency key on this endpoint. The pipeline then fixes one key per
    /// logical call (the caller's <see cref="RequestOptions.IdempotencyKey"/>, or a new one) and hands it to
    /// every attempt in <see cref="ApiCall.IdempotencyKey"/>, which makes the call safe to retry.
    /// </summary>
    public bool AcceptsIdempotencyKey { get; init; }

    /// <summary>The extra rate-limit budget this endpoint draws from (e.g. "close"), if any.</summary>
    public string? RateLimitBudget { get; init; }

    /// <summary>Whether the client's authentication handler must leave this request alone (e.g. an OAuth token endpoint).</summary>
    public bool SkipAuthentication { get; init; }

    /// <summary>
    /// Whether sending this request twice has the same effect as sending it once, so a failure after the
    /// server may have acted can be retried.
    /// </summary>
    public bool IsRetrySafe => _safeByMethod || Idempotent || AcceptsIdempotencyKey;

    /// <summary>How many path segments the template has: a filled-in path must have exactly as many.</summary>
    internal int SegmentCount { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method.Method} {PathTemplate}";

    private static int CountSegments(string template)
    {
        var count = 0;
        foreach (var part in template.Split('/'))
        {
            if (part.Length > 0)
            {
                count++;
            }
        }

        return count;
    }
}
