using System.Text.RegularExpressions;

namespace Samples.ReadmeSnippets;

/// <summary>
/// Keeps README.md honest: every <c>#region snippet:name</c> block of this project must appear verbatim
/// (dedented) as a C# code block of the README, and every C# code block of the README must be one of them.
/// </summary>
internal static partial class ReadmeCheck
{
    public static IReadOnlyList<string> Problems(out int snippets)
    {
        var root = RepositoryRoot();
        var projectDir = Path.Combine(root, "samples", "ReadmeSnippets");
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var blocks = CodeBlock().Matches(readme).Select(m => Normalize(m.Groups["code"].Value)).ToList();
        var regions = Directory.EnumerateFiles(Path.Combine(projectDir, "Snippets"), "*.cs")
            .SelectMany(file => Region().Matches(File.ReadAllText(file).ReplaceLineEndings("\n"))
                .Select(m => (Name: m.Groups["name"].Value, Code: Normalize(Dedent(m.Groups["code"].Value)))))
            .ToList();
        snippets = regions.Count;

        var problems = new List<string>();
        problems.AddRange(regions.Where(r => !blocks.Contains(r.Code)).Select(r => $"snippet '{r.Name}' is not in README.md as written in the code"));
        problems.AddRange(blocks.Where(b => !regions.Any(r => r.Code == b)).Select(b => $"a C# block of README.md is not compiled here: {b.Split('\n')[0]}"));
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

    private static string Normalize(string code) => string.Join('\n', code.Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    // A fenced block whose info string names C# in any spelling GitHub renders as C# (csharp, cs, c#, any
    // case, perhaps followed by attributes), fenced with backticks or tildes, closed by the same fence.
    [GeneratedRegex(@"^[ ]{0,3}(?<fence>`{3,}|~{3,})[ \t]*(?:csharp|cs|c\#)(?=[\s{]|$)[^\n]*\n(?<code>.*?)^[ ]{0,3}\k<fence>[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"#region snippet:(?<name>[\w-]+)\n(?<code>.*?)\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();
}
