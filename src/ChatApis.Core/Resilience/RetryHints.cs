using System.Globalization;
using System.Net.Http.Headers;

namespace ChatApis.Resilience;

/// <summary>
/// Reads how long a server asked the client to wait. .NET's typed <c>Retry-After</c> parser rejects
/// values such as "1.5", so the raw header text is parsed here. Every result is clamped to
/// [0, <see cref="Ceiling"/>] so a hostile or buggy value can never make a caller wait for years.
/// </summary>
public static class RetryHints
{
    /// <summary>The largest delay any server hint can produce.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromHours(24);

    // Values above this are epoch seconds, not a delta (an epoch read as a delay is a known bug class).
    private const double EpochThreshold = 1_000_000_000;

    // Values above this are epoch MILLISECONDS (1e12 ms is 2001; 1e12 s is the year 33658).
    private const double EpochMillisecondsThreshold = 1_000_000_000_000;

    // DateTimeOffset.MaxValue in Unix milliseconds: a reset beyond it is nonsense, not a wait.
    private const double MaxEpochMilliseconds = 253_402_300_799_999;

    /// <summary>
    /// The server's retry hint from a response's headers: <c>Retry-After</c> (seconds, decimal seconds
    /// or an HTTP date), <c>retry-after-ms</c>, then <c>X-RateLimit-Reset</c> when the response is a 429
    /// or says no requests remain. Dates and epochs are measured against the response's own
    /// <c>Date</c> header when it has one, so client clock skew does not matter.
    /// </summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="statusCode">The response status.</param>
    /// <param name="localNow">The client's current time, used when the response has no Date header.</param>
    /// <returns>The delay, or <c>null</c> when the headers say nothing usable.</returns>
    public static TimeSpan? FromHeaders(HttpResponseHeaders headers, int statusCode, DateTimeOffset localNow)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var serverNow = headers.Date ?? localNow;
        var retryAfter = FromRetryAfter(RawHeader(headers, "Retry-After"), serverNow);
        if (retryAfter is not null)
        {
            return retryAfter;
        }

        if (TryParseNumber(RawHeader(headers, "retry-after-ms"), out var ms))
        {
            return FromSeconds(ms / 1000);
        }

        var exhausted = statusCode == 429 || RawHeader(headers, "X-RateLimit-Remaining") == "0";
        return exhausted ? FromResetEpoch(RawHeader(headers, "X-RateLimit-Reset"), serverNow) : null;
    }

    /// <summary>Parses a raw <c>Retry-After</c> value: delta seconds (integer or decimal) or an HTTP date.</summary>
    /// <param name="raw">The header text.</param>
    /// <param name="serverNow">The time the date is measured against.</param>
    /// <returns>The delay, or <c>null</c> for an absent or unreadable value.</returns>
    public static TimeSpan? FromRetryAfter(string? raw, DateTimeOffset serverNow)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        if (FromSecondsText(raw) is { } seconds)
        {
            return seconds;
        }

        if (DateTimeOffset.TryParseExact(raw.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return Clamp(date - serverNow);
        }

        return null;
    }

    /// <summary>
    /// Parses an <c>X-RateLimit-Reset</c> value: a small delta in seconds, epoch seconds (above 1e9), or
    /// epoch milliseconds (above 1e12, as some servers send). A negative value, or an epoch past the year
    /// 9999, says nothing usable and is ignored; every other result is clamped like any hint.
    /// </summary>
    /// <param name="raw">The header text.</param>
    /// <param name="serverNow">The server's current time.</param>
    /// <returns>The delay until the reset, or <c>null</c>.</returns>
    public static TimeSpan? FromResetEpoch(string? raw, DateTimeOffset serverNow)
    {
        if (!TryParseNumber(raw, out var value) || value < 0)
        {
            return null;
        }

        if (value < EpochThreshold)
        {
            return FromSeconds(value);
        }

        var milliseconds = value >= EpochMillisecondsThreshold ? value : value * 1000;
        if (milliseconds > MaxEpochMilliseconds)
        {
            return null;
        }

        var reset = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return Clamp(reset - serverNow);
    }

    /// <summary>Parses a number of seconds (integer or decimal, invariant culture).</summary>
    /// <param name="raw">The text, e.g. "60" or "1.5".</param>
    /// <returns>The delay clamped to [0, <see cref="Ceiling"/>], or <c>null</c> when the text is not a finite number.</returns>
    public static TimeSpan? FromSecondsText(string? raw) =>
        TryParseNumber(raw, out var seconds) ? FromSeconds(seconds) : null;

    /// <summary>Clamps a delay to [0, <see cref="Ceiling"/>].</summary>
    /// <param name="delay">The raw delay (negative for a date in the past).</param>
    /// <returns>The clamped delay.</returns>
    public static TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Ceiling ? Ceiling : delay;

    // Clamped BEFORE the TimeSpan exists: TimeSpan.FromSeconds(1e20) or (-1e20) throws.
    private static TimeSpan FromSeconds(double seconds) =>
        seconds <= 0 ? TimeSpan.Zero : seconds >= Ceiling.TotalSeconds ? Ceiling : TimeSpan.FromSeconds(seconds);

    private static bool TryParseNumber(string? raw, out double value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(raw)
            && double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }

    private static string? RawHeader(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.ToString() : null;
}
