using System.Net;
using System.Net.Http.Headers;

namespace ChatApis.Http;

/// <summary>What every successful call reports besides its value: status, headers, request id, rate-limit headers, attempts.</summary>
public class ApiResponse
{
    /// <summary>Creates the response metadata.</summary>
    /// <param name="statusCode">The final HTTP status.</param>
    /// <param name="requestId">The vendor's request id header, if any.</param>
    /// <param name="rateLimit">The vendor's rate-limit headers, if any.</param>
    /// <param name="attempts">How many attempts the call took (1 when no retry happened).</param>
    /// <param name="idempotencyKey">The idempotency key the call carried, if any.</param>
    /// <param name="headers">The response headers, if known (a test double may leave them out).</param>
    public ApiResponse(HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, int attempts, string? idempotencyKey, HttpResponseHeaders? headers = null)
    {
        Headers = headers?.NonValidated ?? default;
        StatusCode = statusCode;
        RequestId = requestId;
        RateLimit = rateLimit;
        Attempts = attempts;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The final HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The final response's headers as the server sent them (not parsed or validated), e.g.
    /// <c>response.Headers.TryGetValues("X-Custom", out var values)</c>; empty when the response was made by a test double.
    /// </summary>
    public HttpHeadersNonValidated Headers { get; }

    /// <summary>The vendor's request id, if the response carried one.</summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit headers of the response (<c>X-RateLimit-*</c>), if any.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>How many attempts the call took.</summary>
    public int Attempts { get; }

    /// <summary>The idempotency key the call carried (the same on every attempt), if any.</summary>
    public string? IdempotencyKey { get; }
}
