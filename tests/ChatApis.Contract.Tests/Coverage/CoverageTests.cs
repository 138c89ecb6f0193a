using System.Globalization;
using System.Text;

namespace ChatApis.Contract.Tests.Coverage;

/// <summary>
/// Every documented endpoint has a contract test for each aspect it must pin, every test names a
/// documented endpoint, and the coverage table is printed and written next to the test assembly
/// (contract-coverage.md). Checked statically, so random order and parallel classes cannot change it.
/// </summary>
public sealed class CoverageTests
{
    private static readonly Aspect[] Columns = [Aspect.Request, Aspect.Response, Aspect.Errors, Aspect.Paging];

    [Fact]
    public void Every_documented_endpoint_has_an_active_contract_test_for_each_aspect_it_must_pin()
    {
        var tests = ContractTestScanner.CoveringTests().ToList();
        var missing = new List<string>();
        var table = new StringBuilder();
        table.AppendLine("| Surface | Endpoint | Request | Response | Errors | Paging |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var endpoint in DocumentedEndpoints.All)
        {
            var cells = new List<string>();
            foreach (var aspect in Columns)
            {
                var covering = tests.Where(t => t.Surface == endpoint.Surface && t.Endpoint == endpoint.Key && t.Aspects.HasFlag(aspect)).ToList();
                var active = covering.Count(t => !t.Skipped);
                var skipped = covering.Count - active;
                var required = endpoint.Required.HasFlag(aspect);
                if (required && active == 0)
                {
                    missing.Add($"{endpoint.Surface} {endpoint.Key}: no active test pins its {aspect}");
                }

                cells.Add((active, skipped, required) switch
                {
                    (0, 0, false) => "–",
                    (0, _, true) => "**MISSING**" + (skipped > 0 ? $" ({skipped} skipped)" : ""),
                    (_, 0, _) => $"✓ {active}",
                    _ => $"✓ {active} (+{skipped} skipped)",
                });
            }

            table.AppendLine(CultureInfo.InvariantCulture, $"| {endpoint.Surface} | `{endpoint.Key}` | {string.Join(" | ", cells)} |");
        }

        table.AppendLine();
        table.AppendLine("| Surface | Test methods | Test cases | Skipped cases |");
        table.AppendLine("|---|---|---|---|");
        foreach (var group in ContractTestScanner.TestMethods().GroupBy(t => t.Surface))
        {
            var cases = group.Sum(t => ContractTestScanner.CaseCount(t.Method));
            var skipped = group.Sum(t => ContractTestScanner.SkippedCount(t.Method, t.Fact));
            table.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {cases} | {skipped} |");
        }

        var skips = ContractTestScanner.TestMethods().Where(t => t.Fact.Skip is not null).ToList();
        if (skips.Count > 0)
        {
            table.AppendLine();
            table.AppendLine("Skipped (in-flight SDK fixes):");
            foreach (var (type, _, method, fact) in skips)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"- {type.Name}.{method.Name}: {fact.Skip}");
            }
        }

        var report = table.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "contract-coverage.md"), report);
        Assert.True(missing.Count == 0, "Documented endpoints without a contract test:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void Every_contract_test_names_documented_endpoints_of_its_own_surface()
    {
        var documented = DocumentedEndpoints.All.Select(e => (e.Surface, e.Key)).ToHashSet();
        var unknown = ContractTestScanner.CoveringTests()
            .Where(t => !documented.Contains((t.Surface, t.Endpoint)))
            .Select(t => $"{t.Test} names {t.Surface} \"{t.Endpoint}\", which the documents do not list")
            .Distinct()
            .ToList();
        Assert.True(unknown.Count == 0, string.Join(Environment.NewLine, unknown));
    }

    [Fact]
    public void Every_contract_test_says_what_it_covers()
    {
        var silent = ContractTestScanner.TestMethods()
            .Where(t => !t.Method.GetCustomAttributes(typeof(CoversAttribute), inherit: true).Any()
                && t.Method.GetCustomAttributes(typeof(CoversEndpointArgumentAttribute), inherit: true).Length == 0)
            .Select(t => $"{t.Class.Name}.{t.Method.Name}")
            .ToList();
        Assert.True(silent.Count == 0, "Tests without [Covers]: " + string.Join(", ", silent));
    }

    [Fact]
    public void Each_surface_has_its_own_contract_test_class()
    {
        var surfaces = ContractTestScanner.Classes.Select(c => c.Surface).ToList();
        Assert.Equal(Enum.GetValues<Surface>(), surfaces);
    }
}
