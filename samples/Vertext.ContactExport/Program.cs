// Exports every contact of every Vertext chatbot to a CSV file, with a progress display.
//
// Runs against the built-in Vertext simulator unless VERTEXT_ACCESS_TOKEN is set, in which case it
// calls the real API (https://api.vertextlabs.com). Optional: VERTEXT_BASE_ADDRESS, and the output
// path as the first argument (default: contacts.csv).
using System.Globalization;
using System.Text;
using ChatApis;
using ChatApis.Testing.Vertext;
using ChatApis.Vertext;
using Spectre.Console;

var output = args.Length > 0 ? args[0] : "contacts.csv";
var token = Environment.GetEnvironmentVariable("VERTEXT_ACCESS_TOKEN");
await using var simulator = string.IsNullOrWhiteSpace(token) ? new VertextSimulator() : null;

try
{
    var options = new VertextClientOptions { AccessToken = token };
    if (simulator is not null)
    {
        await simulator.StartAsync();
        simulator.AddGeneratedContacts(VertextSimulator.DemoChatbotId, 240);
        simulator.AddGeneratedContacts(VertextSimulator.SupportChatbotId, 35);
        options.AccessToken = VertextSimulator.AccessToken;
        options.BaseAddress = simulator.BaseAddress;
        AnsiConsole.MarkupLine($"[yellow]No VERTEXT_ACCESS_TOKEN set: using the built-in simulator at {simulator.BaseAddress}[/]");
    }
    else if (Environment.GetEnvironmentVariable("VERTEXT_BASE_ADDRESS") is { Length: > 0 } address)
    {
        options.BaseAddress = new Uri(address);
    }
    else
    {
        AnsiConsole.MarkupLine("[green]Calling the real Vertext API.[/]");
    }

    using var client = new VertextClient(options);
    var chatbots = await client.ListChatbotsAsync().ToListAsync();
    var rows = 0;
    await using var csv = new StreamWriter(output, false, new UTF8Encoding(false));
    await csv.WriteLineAsync("chatbot,contact_id,name,email,phone,source,lifecycle,origin,first_interaction,last_interaction,is_unread");

    await AnsiConsole.Progress().StartAsync(async progress =>
    {
        foreach (var bot in chatbots)
        {
            var task = progress.AddTask(Markup.Escape(bot.Name), maxValue: double.MaxValue);
            task.IsIndeterminate = true;
            var done = 0;
            await foreach (var page in client.ListContactsAsync(bot.Id, perPage: 50).AsPages())
            {
                foreach (var c in page.Items)
                {
                    await csv.WriteLineAsync(string.Join(',',
                        Csv(bot.Name), Csv(c.Id), Csv(c.Name), Csv(c.Email), Csv(c.Phone), Csv(c.Source.Value), Csv(c.Lifecycle.Value),
                        c.IsFromMeta ? "meta" : "widget",
                        c.FirstInteraction.ToString("O", CultureInfo.InvariantCulture),
                        c.LastInteraction.ToString("O", CultureInfo.InvariantCulture),
                        c.IsUnread ? "true" : "false"));
                }

                done += page.Items.Count;
                task.Description = $"{Markup.Escape(bot.Name)}: {done} contacts (page {page.PageNumber})";
            }

            rows += done;
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(done, 1);
            task.Value = task.MaxValue;
        }
    });

    AnsiConsole.MarkupLine($"[green]Exported {rows} contacts of {chatbots.Count} chatbots to {Markup.Escape(Path.GetFullPath(output))}[/]");
    return 0;
}
catch (ChatApiException e)
{
    AnsiConsole.MarkupLine($"[red]The export failed: {Markup.Escape(e.Message)}[/]");
    return 1;
}

static string Csv(string? value)
{
    value ??= "";
    return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
