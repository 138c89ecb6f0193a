using System.Runtime.CompilerServices;

namespace ChatApis.Safety;

/// <summary>
/// Argument checks run before any request is sent. Every failure is an <see cref="ArgumentException"/>
/// (or a subclass) that names the parameter and states the documented limit.
/// </summary>
internal static class Guard
{
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
    public static string HeaderValue(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotEmpty(value, name);
        if (HeaderValueRule.Problem(value!) is { } problem)
        {
            throw new ArgumentException($"{name} {problem}.", name);
        }

        return value!;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max} (was {value}).");
        }

        return value;
    }

    public static int? InRange(int? value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is { } v ? InRange(v, min, max, name) : null;

    public static long Positive(long value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive id (was {value}).");
        }

        return value;
    }

    public static string MaxLength(string? value, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        NotEmpty(value, name);
        if (value!.Length > max)
        {
            throw new ArgumentException($"{name} must be at most {max} characters (was {value.Length}).", name);
        }

        return value;
    }

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

    public static void Ordered(DateTimeOffset? from, DateTimeOffset? to, string fromName, string toName)
    {
        if (from is { } f && to is { } t && f > t)
        {
            throw new ArgumentException($"{fromName} must not be later than {toName}.", fromName);
        }
    }
}
