using ChatApis.Testing.Vertext;
using ChatApis.Vertext;
using Spectre.Console;

namespace Samples.QuickStart.Tours;

/// <summary>Vertext: chatbots, contacts across pages, and a Zapier subscription created and deleted.</summary>
internal sealed class VertextTour : ITour
{
    public string Name => "Vertext";

    public async Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken)
    {
        var token = context.Environment("VERTEXT_ACCESS_TOKEN");
        await using var simulator = string.IsNullOrWhiteSpace(token) ? new VertextSimulator() : null;
        var options = new VertextClientOptions { AccessToken = token };
        if (simulator is not null)
        {
            await simulator.StartAsync(cancellationToken);
            simulator.AddGeneratedContacts(VertextSimulator.DemoChatbotId, 120);
            options.AccessToken = VertextSimulator.AccessToken;
            options.BaseAddress = simulator.BaseAddress;
        }

        AnsiConsole.MarkupLine(simulator is null ? "[green]Vertext: calling the real API.[/]" : $"[grey]Vertext: built-in simulator at {simulator.BaseAddress}[/]");
        using var client = new VertextClient(options);
        var steps = new List<TourStep>();

        var bots = await client.ListChatbotsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        steps.Add(new(Name, "List chatbots", $"{bots.Count} chatbots: {string.Join(", ", bots.Select(b => b.Name))}"));

        var bot = bots[0];
        var contacts = 0;
        var pages = 0;
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask($"Vertext contacts of {Markup.Escape(bot.Name)}");
            task.IsIndeterminate = true;
            await foreach (var page in client.ListContactsAsync(bot.Id, perPage: 25, cancellationToken).AsPages(cancellationToken))
            {
                contacts += page.Items.Count;
                pages++;
                task.Description = $"Vertext contacts of {Markup.Escape(bot.Name)}: {contacts}";
            }

            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
        });
        steps.Add(new(Name, "Stream contacts", $"{contacts} contacts of {bot.Name} in {pages} pages"));

        if (simulator is not null)
        {
            var subscription = await client.CreateZapierSubscriptionAsync(bot.Id, new Uri("https://hooks.zapier.com/hooks/standard/1/quickstart/"), cancellationToken);
            await client.DeleteZapierSubscriptionAsync(bot.Id, subscription.Value.Id, cancellationToken);
            steps.Add(new(Name, "Zapier subscription", $"created {subscription.Value.Id[..8]}… then deleted (204)"));
        }
        else
        {
            steps.Add(new(Name, "Zapier subscription", "skipped against the real API (it would change your account)"));
        }

        return steps;
    }
}
