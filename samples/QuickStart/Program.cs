// The ChatApis QuickStart: a tour of every supported chat API, on the built-in simulators by default.
// Configure a vendor's credentials (environment variables such as ChatApis__Zipchat__ApiKey, or user
// secrets; see README.md) to call that vendor's real API instead; each tour says which it is using.
using ChatApis;
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
ITour[] tours = [new AssistLoopTour(), new ZipchatTour(), new ChattingTour(), new VertextTour()];
var context = new TourContext(configuration);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var table = new Table().Title("ChatApis QuickStart").AddColumns("Surface", "Step", "Result");
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

AnsiConsole.MarkupLine("[green]QuickStart complete: all five surfaces answered.[/]");
return 0;
