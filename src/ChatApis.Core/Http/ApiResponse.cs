using System.Net;

namespace ChatApis.Http;

/// <summary>What every successful call reports besides its value: status, request id, rate-limit headers, attempts.</summary>
public class ApiResponse
{
    /// <summary>Creates the response metadata.</summary>
    /// <param name="statusCode">The final HTTP status.</param>
    /// <param name="requestId">The vendor's request id header, if any.</param>
    /// <param name="rateLimit">The vendor's rate-limit headers, if any.</param>
    /// <param name="attempts">How many attempts the call took (1 when no retry happened).</param>
    /// <param name="idempotencyKey">The idempotency key the call carried, if any.</param>
    public ApiResponse(HttpStatusCode statusCode, string? requestId, RateLimitInfo? rateLimit, int attempts, string? idempotencyKey)
    {
        StatusCode = statusCode;
        RequestId = requestId;
        RateLimit = rateLimit;
        Attempts = attempts;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The final HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The vendor's request id, if the response carried one.</summary>
    public string? RequestId { get; }

    /// <summary>The rate-limit headers of the response (<c>X-RateLimit-*</c>), if any.</summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>How many attempts the call took.</summary>
    public int Attempts { get; }

    /// <summary>The idempotency key the call carried (the same on every attempt), if any.</summary>
    public string? IdempotencyKey { get; }
}
