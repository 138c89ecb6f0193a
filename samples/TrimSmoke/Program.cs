// TrimSmoke: proof that the SDK survives trimming. Published with PublishTrimmed=true (scripts/trim-smoke.sh),
// it makes one call per vendor against a running standalone simulator (chatapis-simulator) and compares every
// JSON field of each parsed response with the raw JSON the simulator sent, so a property or converter that
// trimming removed fails the run.
//
// The simulator's base URLs (required; as chatapis-simulator prints them), as arguments or environment variables:
//   --assistloop URL   ChatApis__AssistLoop__BaseAddress   e.g. http://127.0.0.1:5080/api/v1/
//   --zipchat URL      ChatApis__Zipchat__BaseAddress      e.g. http://127.0.0.1:5081/api/integrations/backend_api/v1/
//   --chatting URL     ChatApis__Chatting__BaseAddress     e.g. http://127.0.0.1:5082/api/zapier/
//   --vertext URL      ChatApis__Vertext__BaseAddress      e.g. http://127.0.0.1:5083/
// The credentials default to the simulator's seeded test values (see `chatapis-simulator --help`); override them
// the same way (ChatApis__Vertext__AccessToken, ...). Exit code: 0 every field matched, 1 a mismatch or a failed
// call, 2 bad arguments.
//
// Output is plain Console rather than Spectre.Console: this program must publish with zero trim warnings, and
// those must be about the SDK, not about a console library.
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Vertext;
using ChatApis.Zipchat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Samples.TrimSmoke;

var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
{
    ["--assistloop"] = "ChatApis:AssistLoop:BaseAddress",
    ["--zipchat"] = "ChatApis:Zipchat:BaseAddress",
    ["--chatting"] = "ChatApis:Chatting:BaseAddress",
    ["--vertext"] = "ChatApis:Vertext:BaseAddress",
};
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
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        // The simulator's seeded test credentials (printed by chatapis-simulator --help); not secrets.
        ["ChatApis:AssistLoop:AccessToken"] = "al_sim_access_token",
        ["ChatApis:Zipchat:ApiKey"] = "zc-sim_backend_api_key_chat_1",
        ["ChatApis:Zipchat:ChatId"] = "1",
        ["ChatApis:Chatting:ApiKey"] = "ck_live_5f0c3a9e8b7d4c21a0e6f1b2c3d4e5f6",
        ["ChatApis:Vertext:AccessToken"] = "vtx_sim_access_token",
    })
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
services.AddAssistLoopClient(configuration.GetSection(AssistLoopClientOptions.DefaultSectionName));
services.AddZipchatClient(configuration.GetSection(ZipchatClientOptions.DefaultSectionName));
services.AddChattingClient(configuration.GetSection(ChattingClientOptions.DefaultSectionName));
services.AddVertextClient(configuration.GetSection(VertextClientOptions.DefaultSectionName));
await using var provider = services.BuildServiceProvider();
using var http = new HttpClient();
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

var checks = new (string Vendor, Func<CancellationToken, Task<SmokeReport>> Run)[]
{
    ("AssistLoop", ct => AssistLoopCheck.RunAsync(provider.GetRequiredService<AssistLoopClient>(), configuration.GetSection(AssistLoopClientOptions.DefaultSectionName), http, ct)),
    ("Zipchat", ct => ZipchatCheck.RunAsync(provider.GetRequiredService<ZipchatClient>(), configuration.GetSection(ZipchatClientOptions.DefaultSectionName), http, ct)),
    ("Chatting", ct => ChattingCheck.RunAsync(provider.GetRequiredService<ChattingClient>(), configuration.GetSection(ChattingClientOptions.DefaultSectionName), http, ct)),
    ("Vertext", ct => VertextCheck.RunAsync(provider.GetRequiredService<VertextClient>(), configuration.GetSection(VertextClientOptions.DefaultSectionName), http, ct)),
};

var failed = 0;
var fields = 0;
foreach (var (vendor, run) in checks)
{
    SmokeReport report;
    try
    {
        report = await run(timeout.Token);
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
    ? $"TrimSmoke: all {checks.Length} vendors OK, {fields} fields matched."
    : $"TrimSmoke: FAILED for {failed} of {checks.Length} vendors.");
return failed == 0 ? 0 : 1;
