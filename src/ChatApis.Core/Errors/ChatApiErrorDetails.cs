using System.Net;
using ChatApis.Http;

namespace ChatApis;

/// <summary>The parts of a failed response from which a <see cref="ChatApiException"/> is built.</summary>
/// <param name="StatusCode">The HTTP status, or <c>null</c> when no response arrived.</param>
/// <param name="ErrorCode">The vendor's error code or title.</param>
/// <param name="Message">The vendor's human-readable message.</param>
/// <param name="RequestId">The vendor's request id header value.</param>
/// <param name="RetryAfter">The server's retry hint, already clamped.</param>
/// <param name="RawBody">The raw body text (capped by the exception).</param>
/// <param name="Vendor">The vendor name.</param>
/// <param name="RateLimit">The <c>X-RateLimit-*</c> headers of the failed response, if it had any.</param>
/// <param name="Attempts">How many attempts the call made (0 when none was sent).</param>
public sealed record ChatApiErrorDetails(
    HttpStatusCode? StatusCode = null,
    string? ErrorCode = null,
    string? Message = null,
    string? RequestId = null,
    TimeSpan? RetryAfter = null,
    string? RawBody = null,
    string? Vendor = null,
    RateLimitInfo? RateLimit = null,
    int Attempts = 0)
{
    /// <summary>Details for an error that had no response.</summary>
    public static ChatApiErrorDetails None { get; } = new();

    /// <summary>" after N attempts" when the call made more than one attempt, for messages; otherwise empty.</summary>
    public string AfterAttempts => AttemptsText(Attempts);

    /// <summary>" after N attempts" for N &gt; 1; otherwise empty.</summary>
    internal static string AttemptsText(int attempts) =>
        attempts > 1 ? $" after {attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)} attempts" : "";
}
