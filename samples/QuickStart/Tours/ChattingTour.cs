using ChatApis.Chatting;
using ChatApis.Testing.Chatting;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.QuickStart.Tours;

/// <summary>Chatting: the connection check, a contact with tags and custom fields, a tag, a message, and the recent triggers.</summary>
internal sealed class ChattingTour : ITour
{
    public string Name => "Chatting";

    public async Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(Name);
        var live = !string.IsNullOrWhiteSpace(section["ApiKey"]);
        await using var simulator = live ? null : new ChattingSimulator();
        var services = new ServiceCollection();
        if (simulator is null)
        {
            services.AddChattingClient(section);
        }
        else
        {
            await simulator.StartAsync(cancellationToken);
            services.AddChattingClient(o => { o.ApiKey = ChattingSimulator.ApiKey; o.BaseAddress = new Uri(simulator.BaseAddress, "api/zapier/"); });
        }

        TourContext.Announce(Name, simulator?.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ChattingClient>();
        var steps = new StepLog();

        var me = await client.GetMeAsync(cancellationToken: cancellationToken);
        steps.Add(new(Name, "GET me (connection check)", $"{me.Value.TeamName}, owner {me.Value.OwnerEmail}"));

        if (simulator is not null)
        {
            var contact = await client.CreateContactAsync(
                new ChattingNewContact("jordan.lee@example.com") { Name = "Jordan Lee", Company = "Acme", Tags = ["trial"], CustomFields = new Dictionary<string, string> { ["crm_owner"] = "tina" } },
                cancellationToken: cancellationToken);
            var tag = await client.AddContactTagAsync(contact.Value.Id, "hot-lead", cancellationToken: cancellationToken);
            var message = await client.SendMessageAsync(ChattingSimulator.SeededConversationId, "Thanks, we got your message.", asSystem: true, cancellationToken: cancellationToken);
            steps.Add(new(Name, "Contact, tag, message", $"{contact.Value.Id} (key {contact.IdempotencyKey?[..8]}...), tagged '{tag.Value.Tag}', message {message.Value.Id} from {message.Value.Sender}"));
        }
        else
        {
            steps.Add(new(Name, "Contact, tag, message", "skipped against the real API (it would change your workspace)"));
        }

        var triggers = await client.GetRecentContactTriggersAsync(limit: 5, cancellationToken: cancellationToken);
        var conversations = await client.GetRecentConversationTriggersAsync(limit: 5, cancellationToken: cancellationToken);
        steps.Add(new(Name, "Recent triggers", $"{triggers.Value.Count} contact, {conversations.Value.Count} conversation: {string.Join(", ", conversations.Value.Concat(triggers.Value).Select(t => t.Event.Value).Distinct())}"));
        return steps;
    }
}
