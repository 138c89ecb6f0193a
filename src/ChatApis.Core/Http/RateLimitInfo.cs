using System.Globalization;
using System.Net.Http.Headers;

namespace ChatApis.Http;

/// <summary>The vendor's rate-limit headers on a response (<c>X-RateLimit-Limit/-Remaining/-Reset</c>).</summary>
/// <param name="Limit">The most requests allowed per window.</param>
/// <param name="Remaining">Requests left in the current window.</param>
/// <param name="ResetAt">When the window resets (from the epoch-seconds reset header).</param>
public sealed record RateLimitInfo(int? Limit, int? Remaining, DateTimeOffset? ResetAt)
{
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
            && long.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            && epoch is > 0 and < 253402300799)
        {
            reset = DateTimeOffset.FromUnixTimeSeconds(epoch);
        }

        return limit is null && remaining is null && reset is null ? null : new RateLimitInfo(limit, remaining, reset);
    }

    private static int? ReadInt(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values)
        && int.TryParse(values.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
