namespace ChatApis.Http;

/// <summary>
/// One logical call as its attempts see it: the endpoint, the caller's <see cref="RequestOptions"/> and the
/// idempotency key fixed for the whole call. The pipeline creates it once per call and passes it to every
/// attempt; a vendor's Refit method carries it to the handlers as a request property
/// (<c>[Property(ApiCall.PropertyKey)] ApiCall call</c>) and puts <see cref="IdempotencyKey"/> in its
/// idempotency header, so every retry re-sends the same key.
/// </summary>
public sealed class ApiCall
{
    /// <summary>The <see cref="HttpRequestMessage.Options"/> key a Refit method stores the call under.</summary>
    public const string PropertyKey = "ChatApis.Call";

    /// <summary>The typed key of <see cref="PropertyKey"/>.</summary>
    public static readonly HttpRequestOptionsKey<ApiCall> OptionKey = new(PropertyKey);

    internal ApiCall(ApiOperation operation, RequestOptions? options, string? idempotencyKey)
    {
        Operation = operation;
        Options = options;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The endpoint being called.</summary>
    public ApiOperation Operation { get; }

    /// <summary>The caller's per-call settings, if any.</summary>
    public RequestOptions? Options { get; }

    /// <summary>The idempotency key of this call (the same on every attempt), or <c>null</c> when the endpoint takes none.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>How many attempts have started so far (1 during the first).</summary>
    public int Attempt { get; internal set; }

    // The current attempt's permits at the rate-limit gate, released once when its response came back (the call
    // handler) or, failing that, when the attempt ended (the attempt runner): whichever comes first.
    private RateLimiting.RateLimitTicket? _ticket;

    internal void HoldTicket(RateLimiting.RateLimitTicket ticket) => Interlocked.Exchange(ref _ticket, ticket)?.Dispose();

    internal void ReleaseTicket() => Interlocked.Exchange(ref _ticket, null)?.Dispose();

    internal void ReleaseTicket(HttpResponseMessage response) => Interlocked.Exchange(ref _ticket, null)?.ReleaseWith(RateLimitOf(response), response.Headers.Date);

    // The rate-limit headers of the attempt's response, read once: the gate learns from them when the response comes
    // back, and the same values go into the ApiResponse or the error (attempts are sequential, so no lock).
    private HttpResponseMessage? _rateLimitResponse;
    private RateLimitInfo? _rateLimit;

    internal RateLimitInfo? RateLimitOf(HttpResponseMessage response)
    {
        if (!ReferenceEquals(_rateLimitResponse, response))
        {
            _rateLimit = RateLimitInfo.FromHeaders(response.Headers);
            _rateLimitResponse = response;
        }

        return _rateLimit;
    }

    /// <summary>
    /// Whether the current attempt is counted in the requests metric already: with its status when one arrived
    /// (a failure after it is not a "no response" one), or as an attempt that got no response.
    /// </summary>
    internal bool AttemptCounted { get; set; }
}
