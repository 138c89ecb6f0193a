using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>
/// A misbehaviour a simulator shows for one request instead of (or on top of) its normal answer.
/// Create one with the static factories and register it through <see cref="FaultInjector"/>.
/// </summary>
/// <remarks>
/// Faults that answer in place of the endpoint (<see cref="Status"/>, <see cref="Abort"/>, <see cref="Hang"/>, ...)
/// leave the simulator's state untouched. Faults that act on the response (<see cref="DropResponseAfterProcessing"/>,
/// <see cref="TruncateBody"/>, <see cref="ReplaceBody"/>, <see cref="StallBody"/>, <see cref="SlowBody"/>) run the
/// endpoint first, so its side effects happen even though the client never gets a proper answer.
/// </remarks>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>Answers at once with this status, body and headers; the endpoint does not run.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="body">The body text, or <see langword="null"/> for an empty body.</param>
    /// <param name="contentType">The content type of <paramref name="body"/>.</param>
    /// <param name="headers">Extra response headers, e.g. <c>Retry-After</c>.</param>
    /// <returns>The fault.</returns>
    public static StatusFault Status(int statusCode, string? body = null, string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null)
        => new(statusCode, body, contentType, headers);

    /// <summary>Answers with an HTML error page such as a reverse proxy or CDN sends; the endpoint does not run.</summary>
    /// <param name="statusCode">The HTTP status code, 502 by default.</param>
    /// <returns>The fault.</returns>
    public static HtmlFault Html(int statusCode = 502) => new(statusCode);

    /// <summary>Resets the connection before any response; the endpoint does not run.</summary>
    /// <returns>The fault.</returns>
    public static AbortFault Abort() => new();

    /// <summary>
    /// Runs the endpoint (its side effects happen), then drops the connection without sending any of
    /// the response: the case where a client cannot tell whether a non-idempotent call took effect.
    /// </summary>
    /// <returns>The fault.</returns>
    public static DropResponseAfterProcessingFault DropResponseAfterProcessing() => new();

    /// <summary>
    /// Runs the endpoint, sends its status and headers with the original <c>Content-Length</c> but only the
    /// first <paramref name="keepBytes"/> bytes of the body, then closes the connection, so a client
    /// reading the body fails with a premature end of the response.
    /// </summary>
    /// <remarks>If the body is not longer than <paramref name="keepBytes"/> there is nothing to cut and it is sent whole.</remarks>
    /// <param name="keepBytes">How many body bytes to send.</param>
    /// <returns>The fault.</returns>
    public static TruncateBodyFault TruncateBody(int keepBytes) => new(keepBytes);

    /// <summary>Runs the endpoint and keeps its status and headers but sends <paramref name="body"/> instead of its body.</summary>
    /// <param name="body">The body to send, e.g. malformed JSON or an empty string.</param>
    /// <param name="contentType">A content type to send instead of the endpoint's, or <see langword="null"/> to keep it.</param>
    /// <returns>The fault.</returns>
    public static ReplaceBodyFault ReplaceBody(string body, string? contentType = null) => new(body, contentType);

    /// <summary>
    /// Runs the endpoint, sends its headers and the first <paramref name="bytesBeforeStall"/> body bytes,
    /// then sends nothing more until the client gives up and disconnects.
    /// </summary>
    /// <param name="bytesBeforeStall">How many body bytes to send before stalling.</param>
    /// <returns>The fault.</returns>
    public static StallBodyFault StallBody(int bytesBeforeStall) => new(bytesBeforeStall);

    /// <summary>Runs the endpoint and sends its body one byte at a time, waiting <paramref name="perByte"/> between bytes.</summary>
    /// <param name="perByte">The pause between two bytes.</param>
    /// <param name="clock">
    /// The clock the pauses follow: real time when <see langword="null"/> (the default), which is what a
    /// client's socket-level timeouts see; a <see cref="ManualTimeProvider"/> lets a test release each byte.
    /// </param>
    /// <returns>The fault.</returns>
    public static SlowBodyFault SlowBody(TimeSpan perByte, TimeProvider? clock = null) => new(perByte, clock);

    /// <summary>Sends nothing at all until the client disconnects; the endpoint does not run.</summary>
    /// <returns>The fault.</returns>
    public static HangFault Hang() => new();

    /// <summary>Waits <paramref name="delay"/>, then lets the request through normally.</summary>
    /// <param name="delay">How long to wait.</param>
    /// <param name="clock">
    /// The clock the wait follows: real time when <see langword="null"/> (the default); a
    /// <see cref="ManualTimeProvider"/> holds the request until the test advances it.
    /// </param>
    /// <returns>The fault.</returns>
    public static DelayFault Delay(TimeSpan delay, TimeProvider? clock = null) => new(delay, clock);

    /// <summary>Answers with a redirect to <paramref name="location"/>; the endpoint does not run.</summary>
    /// <param name="location">The <c>Location</c> header value.</param>
    /// <param name="statusCode">The redirect status, 302 by default.</param>
    /// <returns>The fault.</returns>
    public static RedirectFault Redirect(string location, int statusCode = 302) => new(location, statusCode);

    /// <summary>
    /// Answers 200 <c>application/json</c> with a body of exactly <paramref name="bytes"/> bytes that is one
    /// valid JSON string literal, streamed so it never sits in memory; the endpoint does not run.
    /// </summary>
    /// <param name="bytes">The body size, at least 2 (the quotes).</param>
    /// <returns>The fault.</returns>
    public static OversizeBodyFault OversizeBody(long bytes) => new(bytes);

    /// <summary>Answers with this status and <c>Content-Length: 0</c>; the endpoint does not run.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns>The fault.</returns>
    public static EmptyBodyFault EmptyBody(int statusCode) => new(statusCode);

    /// <summary>
    /// Runs the endpoint, sends the first <paramref name="keepBytes"/> bytes of its body (with the full
    /// Content-Length announced), then resets the connection: an RST in the middle of the body, where
    /// <see cref="TruncateBody"/> is an orderly close (FIN).
    /// </summary>
    /// <param name="keepBytes">How many body bytes go out before the reset.</param>
    /// <returns>The fault.</returns>
    public static ResetBodyFault ResetBody(int keepBytes) => new(keepBytes);

    /// <summary>
    /// Answers with exactly these bytes instead of running the endpoint. Unlike <see cref="Status"/>,
    /// the body need not be valid UTF-8, so a test can serve invalid byte sequences.
    /// </summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="body">The body bytes (copied).</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <returns>The fault.</returns>
    public static RawBodyFault RawBody(int statusCode, ReadOnlySpan<byte> body, string contentType = "application/json") => new(statusCode, body.ToArray(), contentType);

    /// <summary>Handles a request this fault was chosen for; <paramref name="next"/> runs the endpoint.</summary>
    internal abstract Task ExecuteAsync(HttpContext context, RequestDelegate next);
}
