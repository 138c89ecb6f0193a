using System.Runtime.CompilerServices;

namespace ChatApis.Safety;

/// <summary>
/// Argument checks run before any request is sent. Every failure is an <see cref="ArgumentException"/>
/// (or a subclass) that names the parameter and states the documented limit.
/// </summary>
public static class Guard
{
    /// <summary>A required text: not null, not empty, not only white space.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static string NotEmpty(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or white space.", name);
        }

        return value;
    }

    /// <summary>
    /// A value that becomes one segment of a request path (an id). Refuses empty values, dot segments,
    /// separators, control characters and percent-encoded forms of them (see <see cref="PathSegmentRule"/>).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static string PathSegment(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        if (PathSegmentRule.Problem(value) is { } problem)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }

        return value;
    }

    /// <summary>A value sent as one HTTP header value (see <see cref="HeaderValueRule"/>).</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static string HeaderValue(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotEmpty(value, name);
        if (HeaderValueRule.Problem(value!) is { } problem)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }

        return value!;
    }

    /// <summary>A number within <paramref name="min"/>..<paramref name="max"/> (both inclusive).</summary>
    /// <param name="value">The value.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max} (was {value}).");
        }

        return value;
    }

    /// <summary>The same as <see cref="InRange(int, int, int, string?)"/> for an optional value (<c>null</c> passes).</summary>
    /// <param name="value">The value, if any.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static int? InRange(int? value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } v ? InRange(v, min, max, name) : null;

    /// <summary>A numeric id: greater than zero.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static long Positive(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive id (was {value}).");
        }

        return value;
    }

    /// <summary>A required text of at most <paramref name="max"/> characters.</summary>
    /// <param name="value">The value.</param>
    /// <param name="max">The most characters allowed.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static string MaxLength(string? value, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotEmpty(value, name);
        if (value!.Length > max)
        {
            throw new ArgumentException($"{name} must be at most {max} characters (was {value.Length}).", name);
        }

        return value;
    }

    /// <summary>An absolute http(s) URL, HTTPS only when <paramref name="requireHttps"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="requireHttps">Whether plain http is refused.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static Uri AbsoluteUrl(Uri? value, bool requireHttps, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} is required.");
        }

        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttps && value.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"{name} must be an absolute http(s) URL.", name);
        }

        if (requireHttps && value.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"{name} must be an HTTPS URL (the vendor rejects plain http).", name);
        }

        return value;
    }

    /// <summary>Two optional instants in order: <paramref name="from"/> not later than <paramref name="to"/>.</summary>
    /// <param name="from">The start, if any.</param>
    /// <param name="to">The end, if any.</param>
    /// <param name="fromName">The start parameter's name.</param>
    /// <param name="toName">The end parameter's name.</param>
    public static void Ordered(DateTimeOffset? from, DateTimeOffset? to, string fromName, string toName)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new ArgumentException($"{fromName} must not be later than {toName}.", fromName);
        }
    }

    /// <summary>A 1-based page number (<c>page</c>): at least 1; <c>null</c> passes (the vendor's default applies).</summary>
    /// <param name="value">The page number, if any.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static int? Page(int? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } v ? InRange(v, 1, int.MaxValue, name) : null;

    /// <summary>A 0-based page index (<c>pageIndex</c>): at least 0; <c>null</c> passes (the vendor's default applies).</summary>
    /// <param name="value">The page index, if any.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static int? PageIndex(int? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } v ? InRange(v, 0, int.MaxValue, name) : null;

    /// <summary>A page size (<c>perPage</c>, <c>limit</c>): 1 to the vendor's documented <paramref name="max"/>; <c>null</c> passes.</summary>
    /// <param name="value">The page size, if any.</param>
    /// <param name="max">The vendor's largest page size.</param>
    /// <param name="name">The parameter name (filled in by the compiler).</param>
    /// <returns>The value.</returns>
    public static int? PageSize(int? value, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } v ? InRange(v, 1, max, name) : null;
}
