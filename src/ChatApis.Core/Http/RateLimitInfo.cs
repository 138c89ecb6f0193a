using System.Globalization;
using System.Net.Http.Headers;

namespace ChatApis.Http;

/// <summary>The vendor's rate-limit headers on a response (<c>X-RateLimit-Limit/-Remaining/-Reset</c>).</summary>
/// <param name="Limit">The most requests allowed per window.</param>
/// <param name="Remaining">Requests left in the current window.</param>
/// <param name="ResetAt">
/// When the window resets, from the reset header read as epoch seconds (or epoch milliseconds, above
/// 1e12); <c>null</c> when the header is absent or out of range.
/// </param>
public sealed record RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? ResetAt)
{
    // DateTimeOffset.MaxValue in Unix milliseconds.
    private const double MaxEpochMilliseconds = 253_402_300_799_999;

    /// <summary>Reads the headers; <c>null</c> when the response carries none of them.</summary>
    /// <param name="headers">The response headers.</param>
    /// <returns>The rate-limit snapshot, or <c>null</c>.</returns>
    public static RateLimitInfo? FromHeaders(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var limit = ReadInt(headers, "X-RateLimit-Limit");
        var remaining = ReadInt(headers, "X-RateLimit-Remaining");
        DateTimeOffset? reset = null;
        if (headers.NonValidated.TryGetValues("X-RateLimit-Reset", out var values)
            && double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch)
            && double.IsFinite(epoch) && epoch > 0)
        {
            // A value this large is epoch milliseconds (1e12 ms is 2001; 1e12 s is the year 33658).
            var milliseconds = epoch >= 1e12 ? epoch : epoch * 1000;
            if (milliseconds <= MaxEpochMilliseconds)
            {
                reset = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
            }
        }

        return limit is null && remaining is null && reset is null ? null : new RateLimitInfo(limit, remaining, reset);
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values)
        && int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
