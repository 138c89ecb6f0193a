namespace ChatApis.Safety;

/// <summary>
/// What a caller's value must be to travel as one HTTP header value: visible ASCII, spaces and tabs
/// only. A CR or LF would end the header line and let the value add headers of its own (header
/// injection); a NUL or other control character is refused by servers or cut short; non-ASCII is
/// refused by the HTTP stack at send time, which would surface as a transport failure.
/// </summary>
public static class HeaderValueRule
{
    /// <summary>The longest header value accepted (common servers refuse header lines past 8 KiB).</summary>
    public const int MaxLength = 8192;

    /// <summary>Why <paramref name="value"/> cannot be a header value, or <c>null</c> when it can.</summary>
    public static string? Problem(string value)
    {
        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters (was {value.Length})";
        }

        foreach (var c in value)
        {
            if (c is '\r' or '\n' or '\0')
            {
                return "must not contain CR, LF or NUL (a header value cannot start another header)";
            }

            if (c != '\t' && (c < ' ' || c > '~'))
            {
                return "must hold only visible ASCII characters, spaces and tabs";
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="name"/> is an HTTP header name (an RFC 9110 token).</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            var token = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
                || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
            if (!token)
            {
                return false;
            }
        }

        return true;
    }
}
