using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>How many cases each group of the suite covered; written out by the summary at the end.</summary>
public static class Counts
{
    private static readonly ConcurrentDictionary<string, int> Groups = new(StringComparer.Ordinal);

    public static void Add(string group, int count = 1) => Groups.AddOrUpdate(group, count, (_, c) => c + count);

    public static int Of(string group) => Groups.TryGetValue(group, out var c) ? c : 0;

    public static string Render(IEnumerable<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine("ChatApis reliability suite: cases covered");
        foreach (var (group, count) in Groups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {group,-48} {count,7}");
        }

        foreach (var note in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  note: {note}");
        }

        return text.ToString();
    }
}
