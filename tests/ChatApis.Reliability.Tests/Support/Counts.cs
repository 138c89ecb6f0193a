using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>
/// How many cases each group of the suite passed, and how many it started where a test says so; written
/// out by the summary at the end. A figure counts only what was asserted: call <see cref="Add"/> after the
/// assertions of the cases it counts, so a failing case is never counted as covered.
/// </summary>
public static class Counts
{
    private static readonly ConcurrentDictionary<string, int> PassedCases = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> StartedCases = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="count"/> cases of <paramref name="group"/> as passed: call it after their assertions.</summary>
    public static void Add(string group, int count = 1) => PassedCases.AddOrUpdate(group, count, (_, c) => c + count);

    /// <summary>
    /// Records <paramref name="count"/> cases of <paramref name="group"/> as started (before their assertions),
    /// so the summary can print "passed of started" and a case that failed shows as a gap.
    /// </summary>
    public static void Started(string group, int count = 1) => StartedCases.AddOrUpdate(group, count, (_, c) => c + count);

    /// <summary>How many cases of <paramref name="group"/> passed.</summary>
    public static int Of(string group) => PassedCases.TryGetValue(group, out var c) ? c : 0;

    /// <summary>How many cases of <paramref name="group"/> were started (0 when the group's tests do not say).</summary>
    public static int StartedOf(string group) => StartedCases.TryGetValue(group, out var c) ? c : 0;

    public static string Render(IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine("ChatApis reliability suite: cases passed (of those started, where a group records it)");
        foreach (var group in PassedCases.Keys.Union(StartedCases.Keys).Order(StringComparer.Ordinal))
        {
            var started = StartedOf(group);
            var of = started > 0 ? " of " + started.ToString(CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group,-48} {Of(group),7}{of}");
        }

        foreach (var note in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  note: {note}");
        }

        return text.ToString();
    }
}
