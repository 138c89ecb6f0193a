using System.Text.RegularExpressions;

namespace Samples.ReadmeSnippets;

/// <summary>
/// Keeps README.md honest: every <c>#region snippet:name</c> block of this project must appear verbatim
/// (dedented) as a C# code block of the README, and every C# code block of the README must be one of them.
/// A snippet marked <c>#region snippet:name with-usings</c> is a whole program: its README block must open with
/// exactly the using directives of the file it compiles in (that file holds that one snippet), so a reader who
/// copies it gets code that compiles, and a block that leaves one out (or all) fails the check. Unmarked snippets
/// are fragments of a larger program and show no usings.
/// </summary>
internal static partial class ReadmeCheck
{
    public static IReadOnlyList<string> Problems(out int snippets)
    {
        var root = RepositoryRoot();
        var projectDir = Path.Combine(root, "samples", "ReadmeSnippets");
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var blocks = CodeBlock().Matches(readme).Select(m => SplitUsings(Normalize(m.Groups["code"].Value))).ToList();
        var regions = Directory.EnumerateFiles(Path.Combine(projectDir, "Snippets"), "*.cs")
            .SelectMany(file =>
            {
                var text = File.ReadAllText(file).ReplaceLineEndings("\n");
                var usings = UsingDirective().Matches(text).Select(u => u.Value.Trim()).ToHashSet(StringComparer.Ordinal);
                var matches = Region().Matches(text);
                return matches
                    .Select(m => (Name: m.Groups["name"].Value, Code: Normalize(Dedent(m.Groups["code"].Value)), Usings: usings, WithUsings: m.Groups["usings"].Success, Alone: matches.Count == 1));
            })
            .ToList();
        snippets = regions.Count;

        var problems = new List<string>();
        // A whole program's usings are its file's: another snippet in that file could bring usings it does not need.
        problems.AddRange(regions.Where(r => r.WithUsings && !r.Alone).Select(r => $"snippet '{r.Name}' is marked with-usings but shares its file with other snippets"));
        problems.AddRange(regions.Where(r => !blocks.Any(b => b.Code == r.Code)).Select(r => $"snippet '{r.Name}' is not in README.md as written in the code"));
        foreach (var block in blocks)
        {
            var region = regions.FirstOrDefault(r => r.Code == block.Code);
            if (region.Name is null)
            {
                problems.Add($"a C# block of README.md is not compiled here: {block.Code.Split('\n')[0]}");
            }
            else if (region.WithUsings && !region.Usings.SetEquals(block.Usings))
            {
                problems.Add($"snippet '{region.Name}' shows the usings [{string.Join(" ", block.Usings)}] but compiles with [{string.Join(" ", region.Usings.Order(StringComparer.Ordinal))}]");
            }
            else if (!region.WithUsings && block.Usings.Count > 0)
            {
                problems.Add($"snippet '{region.Name}' shows using directives but is a fragment: mark its region 'with-usings' so they are checked");
            }
        }

        return problems;
    }

    // Found from the running program, not from compile-time source paths: CI builds map those to "/_/".
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatApis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatApis.sln above {AppContext.BaseDirectory}: run this from the repository.");
    }

    private static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    // The using directives a README block opens with (then perhaps a blank line), and the code after them.
    private static (IReadOnlyList<string> Usings, string Code) SplitUsings(string block)
    {
        var lines = block.Split('\n');
        var count = lines.TakeWhile(l => UsingDirective().IsMatch(l)).Count();
        if (count == 0)
        {
            return ([], block);
        }

        return (lines[..count].Select(l => l.Trim()).ToList(), string.Join('\n', lines[count..]).Trim('\n'));
    }

    private static string Normalize(string code) => string.Join('\n', code.Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    // A fenced block whose info string names C# in any spelling GitHub renders as C# (csharp, cs, c#, any
    // case, perhaps followed by attributes), fenced with backticks or tildes, closed by the same fence.
    [GeneratedRegex(@"^[ ]{0,3}(?<fence>`{3,}|~{3,})[ \t]*(?:csharp|cs|c\#)(?=[\s{]|$)[^\n]*\n(?<code>.*?)^[ ]{0,3}\k<fence>[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CodeBlock();

    // A using directive (not a using declaration such as `using var x = ...;`), on a line of its own.
    [GeneratedRegex(@"^using (?:static )?[\w.]+(?: = [\w.<>]+)?;[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"#region snippet:(?<name>[\w-]+)(?<usings>[ \t]+with-usings)?[ \t]*\n(?<code>.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();
}
