using System.Net;

namespace ChatApis;

/// <summary>The parts of a failed response from which a <see cref="ChatApiException"/> is built.</summary>
/// <param name="StatusCode">The HTTP status, or <c>null</c> when no response arrived.</param>
/// <param name="ErrorCode">The vendor's error code or title.</param>
/// <param name="Message">The vendor's human-readable message.</param>
/// <param name="RequestId">The vendor's request id header value.</param>
/// <param name="RetryAfter">The server's retry hint, already clamped.</param>
/// <param name="RawBody">The raw body text (capped by the exception).</param>
/// <param name="Vendor">The vendor name.</param>
public sealed record ChatApiErrorDetails(
    HttpStatusCode? StatusCode = null,
    string? ErrorCode = null,
    string? Message = null,
    string? RequestId = null,
    TimeSpan? RetryAfter = null,
    string? RawBody = null,
    string? Vendor = null)
{
    /// <summary>Details for an error that had no response.</summary>
    public static ChatApiErrorDetails None { get; } = new();
}
