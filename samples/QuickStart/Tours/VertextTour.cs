using ChatApis.Testing.Catalog;
using ChatApis.Testing.Vertext;
using ChatApis.Vertext;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Samples.QuickStart.Tours;

/// <summary>Vertext: chatbots, contacts streamed across pages, and a Zapier subscription created and deleted.</summary>
internal sealed class VertextTour : ITour
{
    public string Name => "Vertext";

    public async Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(Name);
        var live = !string.IsNullOrWhiteSpace(section["AccessToken"]);
        await using var simulator = live ? null : new VertextSimulator();
        var services = new ServiceCollection();
        if (simulator is null)
        {
            services.AddVertextClient(section);
        }
        else
        {
            await simulator.StartAsync(cancellationToken);
            // The seed the standalone simulator serves with --seed demo: the same conversations and contacts.
            VendorCatalog.Find(Name).Seed(simulator, SimulatorSeed.Demo);
            services.AddVertextClient(o => { o.AccessToken = VertextSimulator.AccessToken; o.BaseAddress = simulator.BaseAddress; });
        }

        TourContext.Announce(Name, simulator?.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VertextClient>();
        var steps = new StepLog();

        var bots = await client.ListChatbotsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        steps.Add(new(Name, "List chatbots", $"{bots.Count} chatbots: {string.Join(", ", bots.Select(b => b.Name))}"));
        if (bots.Count == 0)
        {
            return steps;
        }

        var bot = bots[0];
        var (contacts, pages) = await Progress.CountPagesAsync($"Vertext contacts of {bot.Name}", client.ListContactsAsync(bot.Id, perPage: 25, cancellationToken: cancellationToken).AsPages(cancellationToken));
        steps.Add(new(Name, "Stream contacts", $"{contacts} contacts of {bot.Name} in {pages} pages"));

        if (simulator is null)
        {
            steps.Add(new(Name, "Zapier subscription", "skipped against the real API (it would change your account)"));
            return steps;
        }

        var subscription = await client.SubscribeWebhookAsync(bot.Id, new Uri("https://hooks.zapier.com/hooks/standard/1/quickstart/"), cancellationToken: cancellationToken);
        var deleted = await client.UnsubscribeWebhookAsync(bot.Id, subscription.Value.Id, cancellationToken: cancellationToken);
        steps.Add(new(Name, "Zapier subscription", $"created {Short(subscription.Value.Id)}, deleted ({(int)deleted.StatusCode})"));
        return steps;
    }

    private static string Short(string id) => id.Length > 8 ? id[..8] + "..." : id;
}
