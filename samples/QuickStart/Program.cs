// The ChatApis QuickStart: a tour of every supported chat API, on the built-in simulators by default.
// Configure a vendor's credentials (environment variables such as ChatApis__Zipchat__ApiKey, or user
// secrets; see README.md) to call that vendor's real API instead; each tour says which it is using.
using ChatApis;
using ChatApis.Testing.Catalog;
using Microsoft.Extensions.Configuration;
using Samples.QuickStart.Tours;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Redirected to a file or a pipe (CI logs, `> out.txt`): plain text, no escape codes, and a width no line
    // reaches, so the table's rows are never wrapped mid-sentence.
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    AnsiConsole.Profile.Width = 1000;
}

var configuration = new ConfigurationBuilder()
    .AddUserSecrets(typeof(ITour).Assembly, optional: true)
    .AddEnvironmentVariables()
    .Build();
// One tour per vendor of the catalog, in its order: every ITour of this program, matched by name. A vendor
// without a tour (or a tour without a vendor) stops the QuickStart here, so a new vendor is never left out.
var found = typeof(ITour).Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ITour).IsAssignableFrom(t))
    .Select(t => (ITour)Activator.CreateInstance(t)!)
    .ToDictionary(t => t.Name);
var untoured = VendorCatalog.All.Select(v => v.Name).Except(found.Keys).Concat(found.Keys.Except(VendorCatalog.All.Select(v => v.Name))).ToList();
if (untoured.Count > 0)
{
    AnsiConsole.MarkupLine($"[red]Every vendor of the catalog needs exactly one tour (Tours/<Vendor>Tour.cs); unmatched: {Markup.Escape(string.Join(", ", untoured))}.[/]");
    return 1;
}

ITour[] tours = [.. VendorCatalog.All.Select(v => found[v.Name])];
var context = new TourContext(configuration);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var table = new Table().Title("ChatApis QuickStart").AddColumns("Surface", "Step", "Result");
if (Console.IsOutputRedirected)
{
    // ASCII borders in a log: box-drawing characters turn into noise where the viewer is not UTF-8.
    table.Border(TableBorder.Ascii);
}

var failed = 0;

foreach (var tour in tours)
{
    try
    {
        foreach (var step in await tour.RunAsync(context, cancel.Token))
        {
            table.AddRow(Markup.Escape(step.Surface), Markup.Escape(step.Step), Markup.Escape(step.Result));
        }
    }
    catch (Exception e) when (e is ChatApiException or ArgumentException or OperationCanceledException or InvalidOperationException or Microsoft.Extensions.Options.OptionsValidationException)
    {
        failed++;
        table.AddRow(Markup.Escape(tour.Name), "[red]failed[/]", Markup.Escape(e.Message));
    }
}

AnsiConsole.Write(table);
if (failed > 0)
{
    AnsiConsole.MarkupLine($"[red]The QuickStart did not complete: {failed} tour(s) failed, see the rows above.[/]");
    return 1;
}

AnsiConsole.MarkupLine($"[green]QuickStart complete: all {Count(VendorCatalog.Surfaces.Count)} surfaces answered.[/]");
return 0;

// "five", as the sentence has always read; digits past ten.
static string Count(int n) => n is >= 1 and <= 10 ? ((string[])["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])[n - 1] : $"{n}";
