// The ChatApis QuickStart: a tour of every supported chat API, on the built-in simulators by default.
// Set a vendor's credentials (see README.md, "Running the QuickStart against the real APIs") to call
// that vendor's real API instead; the output says which one each tour used.
using ChatApis;
using Samples.QuickStart.Tours;
using Spectre.Console;

ITour[] tours = [new VertextTour()];
var context = new TourContext(Environment.GetEnvironmentVariable);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(5));
var table = new Table().Title("ChatApis QuickStart").AddColumns("Surface", "Step", "Result");
var failed = false;

foreach (var tour in tours)
{
    try
    {
        foreach (var step in await tour.RunAsync(context, cancel.Token))
        {
            table.AddRow(Markup.Escape(step.Surface), Markup.Escape(step.Step), Markup.Escape(step.Result));
        }
    }
    catch (Exception e) when (e is ChatApiException or ArgumentException or OperationCanceledException or InvalidOperationException)
    {
        failed = true;
        table.AddRow(Markup.Escape(tour.Name), "[red]failed[/]", Markup.Escape(e.Message));
    }
}

AnsiConsole.Write(table);
if (failed)
{
    AnsiConsole.MarkupLine("[red]The QuickStart did not complete: see the failed rows above.[/]");
    return 1;
}

AnsiConsole.MarkupLine("[green]QuickStart complete.[/]");
return 0;
