using System.Net;
using System.Net.Http.Headers;

namespace ChatApis.Http;

/// <summary>A successful call's value with its response metadata. Converts implicitly to the value.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class ApiResponse<T> : ApiResponse
{
    /// <summary>Creates the response.</summary>
    /// <param name="value">The parsed value.</param>
    /// <param name="statusCode">The final HTTP status.</param>
    /// <param name="requestId">The vendor's request id header, if any.</param>
    /// <param name="rateLimit">The vendor's rate-limit headers, if any.</param>
    /// <param name="attempts">How many attempts the call took.</param>
    /// <param name="idempotencyKey">The idempotency key the call carried, if any.</param>
    /// <param name="headers">The response headers, if known (a test double may leave them out).</param>
    public ApiResponse(T value, HttpStatusCode statusCode, string? requestId = null, RateLimitInfo? rateLimit = null, int attempts = 1, string? idempotencyKey = null, HttpResponseHeaders? headers = null)
        : base(statusCode, requestId, rateLimit, attempts, idempotencyKey, headers)
    {
        Value = value;
    }

    /// <summary>The parsed value.</summary>
    public T Value { get; }

    /// <summary>The parsed value.</summary>
    /// <param name="response">The response.</param>
    public static implicit operator T(ApiResponse<T> response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Value;
    }

    /// <summary>The parsed value (the named alternative to the implicit conversion).</summary>
    /// <returns>The value.</returns>
    public T ToT() => Value;
}
