namespace ChatApis.Conventions.Tests.Support;

/// <summary>Fails with every violation a rule found, one per line, each naming the offending member.</summary>
internal static class Verdict
{
    public static void None(IEnumerable<string> violations)
    {
        var found = violations.ToList();
        if (found.Count > 0)
        {
            Assert.Fail($"{found.Count} violation(s) of the dialect (CONTRIBUTING.md):{Environment.NewLine}{string.Join(Environment.NewLine, found)}");
        }
    }
}
