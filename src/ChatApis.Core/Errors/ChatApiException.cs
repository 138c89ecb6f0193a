using System.Net;
using ChatApis.Http;

namespace ChatApis;

/// <summary>
/// The base of every error the SDK raises for a failed API call: carries what the server said
/// (status, vendor error code, message, request id, retry hint and a capped copy of the raw body).
/// </summary>
/// <remarks>
/// Subclasses exist only where a caller acts differently (re-authenticate, fix input, wait, ...);
/// catch this type to handle every API failure in one place.
/// </remarks>
public class ChatApiException : Exception
{
    /// <summary>The largest number of raw body characters kept on an exception.</summary>
    public const int MaxRawBodyLength = 4096;

    /// <summary>Creates an exception from the parts of a failed response.</summary>
    /// <param name="message">A human-readable description; never contains secrets (the pipeline redacts the client's credentials from whatever the server said).</param>
    /// <param name="details">What the server answered.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiException(string message, ChatApiErrorDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(details);
        StatusCode = details.StatusCode;
        ErrorCode = details.ErrorCode;
        RequestId = details.RequestId;
        RetryAfter = details.RetryAfter;
        RawBody = Cap(details.RawBody);
        Vendor = details.Vendor;
        RateLimit = details.RateLimit;
        Attempts = details.Attempts;
    }

    /// <summary>Creates an exception that did not come from an HTTP response.</summary>
    /// <param name="message">A human-readable description.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ChatApiException(string message, Exception? innerException = null)
        : this(message, ChatApiErrorDetails.None, innerException)
    {
    }

    /// <summary>The HTTP status of the response, or <c>null</c> when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The vendor's machine-readable error code or title, when the body carried one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The request id the vendor returned (quote it to their support), when present.</summary>
    public string? RequestId { get; }

    /// <summary>How long the server asked the caller to wait before trying again, when it said so.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The start of the raw response body (at most <see cref="MaxRawBodyLength"/> characters).</summary>
    public string? RawBody { get; }

    /// <summary>The vendor whose API answered, e.g. "Zipchat".</summary>
    public string? Vendor { get; }

    /// <summary>
    /// The vendor's rate-limit headers (<c>X-RateLimit-Limit/-Remaining/-Reset</c>) on the failed response;
    /// <c>null</c> when no response arrived or it carried none.
    /// </summary>
    public RateLimitInfo? RateLimit { get; }

    /// <summary>
    /// How many attempts the call made before it failed (retries included); 0 when the failure came
    /// before any request was sent.
    /// </summary>
    public int Attempts { get; }

    private static string? Cap(string? body) =>
        body is { Length: > MaxRawBodyLength } ? body[..MaxRawBodyLength] : body;
}
