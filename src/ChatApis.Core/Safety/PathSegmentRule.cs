namespace ChatApis.Safety;

/// <summary>
/// What a caller's value must be to become exactly one segment of a request path. Ids often arrive in
/// webhook payloads, i.e. from outside: <c>..</c> passes <see cref="Uri.EscapeDataString(string)"/>
/// unchanged and <see cref="Uri"/> then collapses it, sending the request to another endpoint; a slash,
/// a backslash (which some servers read as a slash) or a percent-encoded dot segment does the same on a
/// server or proxy that decodes once more. Such values are refused, never repaired.
/// </summary>
internal static class PathSegmentRule
{
    /// <summary>The longest path value accepted: far above any documented id, far below URL limits.</summary>
    public const int MaxLength = 1024;

    /// <summary>Why <paramref name="value"/> cannot be one path segment, or <c>null</c> when it can.</summary>
    public static string? Problem(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty or white space";
        }

        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters (was {value.Length})";
        }

        if (IsDotSegment(value))
        {
            return "must not be '.' or '..' (a dot segment would send the request to another endpoint)";
        }

        foreach (var c in value)
        {
            if (c is '/' or '\\')
            {
                return "must not contain '/' or '\\' (it must be exactly one path segment)";
            }

            if (char.IsControl(c))
            {
                return "must not contain control characters";
            }
        }

        // A server or proxy that decodes the path again must not find a dot segment or a separator either.
        var decoded = value;
        for (var round = 0; round < 3 && decoded.Contains('%', StringComparison.Ordinal); round++)
        {
            var next = Uri.UnescapeDataString(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
            if (IsDotSegment(decoded) || decoded.AsSpan().IndexOfAny('/', '\\') >= 0 || decoded.Any(char.IsControl))
            {
                return "must not hold a percent-encoded dot segment, '/', '\\' or control character";
            }
        }

        return null;
    }

    private static bool IsDotSegment(string value) => value is "." or "..";
}
