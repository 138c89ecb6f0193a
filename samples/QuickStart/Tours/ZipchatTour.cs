using ChatApis.Testing.Catalog;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.QuickStart.Tours;

/// <summary>Zipchat: conversations across pages, then take over the latest escalated one, reply as a user and hand it back to the AI.</summary>
internal sealed class ZipchatTour : ITour
{
    public string Name => "Zipchat";

    public async Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(Name);
        var live = !string.IsNullOrWhiteSpace(section["ApiKey"]);
        await using var simulator = live ? null : new ZipchatSimulator();
        var services = new ServiceCollection();
        if (simulator is null)
        {
            services.AddZipchatClient(section);
        }
        else
        {
            await simulator.StartAsync(cancellationToken);
            // The seed the standalone simulator serves with --seed demo: the same conversations and contacts.
            VendorCatalog.Find(Name).Seed(simulator, SimulatorSeed.Demo);
            services.AddZipchatClient(o =>
            {
                o.ApiKey = ZipchatSimulator.ApiKey;
                o.ChatId = ZipchatSimulator.ChatId;
                o.BaseAddress = new Uri(simulator.BaseAddress, ZipchatSimulator.ApiPath);
            });
        }

        TourContext.Announce(Name, simulator?.BaseAddress);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ZipchatClient>();
        var steps = new StepLog();

        ZipchatConversation? escalated = null;
        var pages = client.ListConversationsAsync(perPage: 25, cancellationToken: cancellationToken).AsPages(cancellationToken);
        var (count, pageCount) = await Progress.CountPagesAsync("Zipchat conversations", Watch(pages, c =>
        {
            if (c.HasOpenEscalation && (escalated is null || c.LastEscalatedAt > escalated.LastEscalatedAt))
            {
                escalated = c;
            }
        }));
        steps.Add(new(Name, "List conversations", $"{count} conversations in {pageCount} pages"));

        var users = await client.GetUsersPageAsync(cancellationToken: cancellationToken);
        steps.Add(new(Name, "Assignable users", $"{users.Value.Users.Count}; rate limit {users.RateLimit?.Remaining}/{users.RateLimit?.Limit} left"));

        if (simulator is null || escalated is null)
        {
            steps.Add(new(Name, "Take over, reply, hand back", simulator is null ? "skipped against the real API (it would message a customer)" : "no escalated conversation"));
            return steps;
        }

        var agent = users.Value.Users[0];
        var taken = await client.TakeOverConversationAsync(escalated.Id, agent.Id, cancellationToken: cancellationToken);
        var sent = await client.SendMessageAsync(escalated.Id, "Hi, this is a human agent: I'm looking into it now.", agent.Id, cancellationToken: cancellationToken);
        var back = await client.HandBackToAiAsync(escalated.Id, cancellationToken: cancellationToken);
        steps.Add(new(Name, "Take over, reply, hand back", $"conversation {escalated.Id} ({escalated.Channel}): manual={taken.Value.ManualReplyMode}, message {sent.Value.Id} sent, AI again={!back.Value.ManualReplyMode}"));
        return steps;
    }

    private static async IAsyncEnumerable<ChatApis.Pagination.Page<ZipchatConversation>> Watch(IAsyncEnumerable<ChatApis.Pagination.Page<ZipchatConversation>> pages, Action<ZipchatConversation> each)
    {
        await foreach (var page in pages)
        {
            foreach (var conversation in page.Items)
            {
                each(conversation);
            }

            yield return page;
        }
    }
}
