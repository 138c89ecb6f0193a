// TrimSmoke: proof that the SDK survives trimming. Published with PublishTrimmed=true (scripts/trim-smoke.sh),
// it makes one call per vendor against a running standalone simulator (chatapis-simulator) and compares every
// JSON field of each parsed response with the raw JSON the simulator sent, so a property or converter that
// trimming removed fails the run.
//
// The simulator's base URLs (required; as chatapis-simulator prints them, or all at once from the file its
// --settings-file option writes), as arguments or environment variables, one per vendor check (SmokeCheck.All):
//   --assistloop URL   ChatApis__AssistLoop__BaseAddress   e.g. http://127.0.0.1:5080/api/v1/
//   --zipchat URL      ChatApis__Zipchat__BaseAddress      e.g. http://127.0.0.1:5081/api/integrations/backend_api/v1/
//   --chatting URL     ChatApis__Chatting__BaseAddress     e.g. http://127.0.0.1:5082/api/zapier/
//   --vertext URL      ChatApis__Vertext__BaseAddress      e.g. http://127.0.0.1:5083/
// The credentials default to the simulator's seeded test values (see `chatapis-simulator --help`); override them
// the same way (ChatApis__Vertext__AccessToken, ...). A base URL for a vendor that has no check here fails the run
// (a new vendor's simulator without its check). Exit code: 0 every field matched, 1 a mismatch, a failed call or a
// vendor without a check, 2 bad arguments.
//
// Output is plain Console rather than Spectre.Console: this program must publish with zero trim warnings, and
// those must be about the SDK, not about a console library.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samples.TrimSmoke;

var checks = SmokeCheck.All;
var arguments = checks.ToDictionary(c => c.Argument, c => c.SectionName + ":BaseAddress", StringComparer.OrdinalIgnoreCase);
var fromArguments = new Dictionary<string, string?>();
for (var i = 0; i < args.Length; i += 2)
{
    if (!arguments.TryGetValue(args[i], out var key) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Unknown argument or missing value: {args[i]}. Expected: {string.Join(" ", arguments.Keys.Select(a => $"{a} URL"))}");
        return 2;
    }

    fromArguments[key] = args[i + 1];
}

var configuration = new ConfigurationBuilder()
    // The simulator's seeded test credentials (printed by chatapis-simulator --help); not secrets.
    .AddInMemoryCollection(checks.SelectMany(c => c.SeededSettings.Select(s => KeyValuePair.Create(c.SectionName + ":" + s.Key, (string?)s.Value))))
    .AddEnvironmentVariables()
    .AddInMemoryCollection(fromArguments)
    .Build();

// Never fall back to a vendor's live address: every base URL must be given.
var missing = arguments.Where(a => string.IsNullOrWhiteSpace(configuration[a.Value])).Select(a => $"{a.Key} URL (or {a.Value.Replace(":", "__", StringComparison.Ordinal)})").ToList();
if (missing.Count > 0)
{
    Console.Error.WriteLine($"Missing the simulator's base URLs: {string.Join(", ", missing)}.");
    return 2;
}

// The IConfiguration overloads: options bound by the vendor packages' source-generated binders, as an app would.
var services = new ServiceCollection();
foreach (var check in checks)
{
    check.AddClient(services, configuration.GetSection(check.SectionName));
}

await using var provider = services.BuildServiceProvider();
using var http = new HttpClient();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

// A vendor the simulator serves (its base URL is configured) but no check knows: its check is missing.
var withoutCheck = configuration.GetSection("ChatApis").GetChildren()
    .Where(v => !string.IsNullOrWhiteSpace(v["BaseAddress"]) && !checks.Any(c => string.Equals(c.Vendor, v.Key, StringComparison.OrdinalIgnoreCase)))
    .Select(v => v.Key)
    .ToList();
var failed = 0;
var fields = 0;
foreach (var vendor in withoutCheck)
{
    failed++;
    Console.WriteLine($"{vendor,-11} FAIL  no TrimSmoke check for this vendor (add samples/TrimSmoke/{vendor}Check.cs)");
}

foreach (var check in checks)
{
    var vendor = check.Vendor;
    SmokeReport report;
    try
    {
        report = await check.RunAsync(provider, configuration.GetSection(check.SectionName), http, timeout.Token);
    }
    catch (Exception e)
    {
        failed++;
        Console.WriteLine($"{vendor,-11} FAIL  {e.GetType().Name}: {e.Message}");
        continue;
    }

    fields += report.FieldsChecked;
    if (report.Problems.Count == 0)
    {
        Console.WriteLine($"{vendor,-11} OK    {report.FieldsChecked,3} fields  {report.Summary}");
        continue;
    }

    failed++;
    Console.WriteLine($"{vendor,-11} FAIL  {report.Problems.Count} problem(s), {report.FieldsChecked} fields matched  {report.Summary}");
    foreach (var problem in report.Problems)
    {
        Console.WriteLine($"              {problem}");
    }
}

Console.WriteLine(failed == 0
    ? $"TrimSmoke: all {checks.Count} vendors OK, {fields} fields matched."
    : $"TrimSmoke: FAILED for {failed} of {checks.Count + withoutCheck.Count} vendors.");
return failed == 0 ? 0 : 1;
