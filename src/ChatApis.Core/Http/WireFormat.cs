using System.Globalization;

namespace ChatApis.Http;

/// <summary>How values are spelled in URLs, so every vendor's Refit interface takes them as text formatted alike.</summary>
public static class WireFormat
{
    /// <summary>An instant as the supported vendors document ISO 8601: UTC, "Z", a fraction only when present (e.g. <c>2025-01-20T16:00:00Z</c>).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text.</returns>
    public static string Iso8601(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The same as <see cref="Iso8601(DateTimeOffset)"/>; <c>null</c> stays <c>null</c> (left out of the query).</summary>
    /// <param name="value">The instant, if any.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public static string? Iso8601(DateTimeOffset? value) => value is { } v ? Iso8601(v) : null;

    /// <summary>An integer in invariant culture; <c>null</c> stays <c>null</c>.</summary>
    /// <param name="value">The number, if any.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public static string? Integer(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
