using System.Globalization;

namespace ChatApis.Contract.Tests.Support;

/// <summary>ISO 8601 date-times with an explicit offset (<c>Z</c> or <c>±hh:mm</c>), as the documents' date filters take them.</summary>
public static class Iso8601
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var hasOffset = text.EndsWith('Z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>Parses a timestamp the test itself wrote.</summary>
    public static DateTimeOffset At(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not an ISO 8601 timestamp with an offset.");
}
