// Chatting lead capture: creates a contact with tags and custom fields, tags it, posts a message into a
// conversation, then lists the recent triggers a Zap would receive.
//
// Runs against an in-process ChattingSimulator unless an API key is configured:
//   ChatApis__Chatting__ApiKey          your Chatting Zapier API key (sent as X-API-Key)
//   ChatApis__Chatting__BaseAddress     optional; defaults to https://usechatting.com/api/zapier/
//   CHATTING_CONVERSATION_ID            optional, with a real key: the conversation to post into
//                                       (default: the conversation of the latest conversation.created trigger)
// Exit code 0 on success, 1 when Chatting rejects a call, 2 when the setup is incomplete.
using ChatApis;
using ChatApis.Chatting;
using ChatApis.Testing.Chatting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var section = configuration.GetSection(ChattingClientOptions.DefaultSectionName);
var live = !string.IsNullOrWhiteSpace(section["ApiKey"]);

await using var simulator = live ? null : new ChattingSimulator();
var services = new ServiceCollection();
if (simulator is null)
{
    services.AddChattingClient(section);
}
else
{
    await simulator.StartAsync();
    services.AddChattingClient(options =>
    {
        options.ApiKey = ChattingSimulator.ApiKey;
        options.BaseAddress = new Uri(simulator.BaseAddress, "api/zapier/");
    });
}

await using var provider = services.BuildServiceProvider();
try
{
    var chatting = provider.GetRequiredService<ChattingClient>();
    AnsiConsole.Write(new Rule($"[bold]Chatting lead capture[/] ({(live ? "live API" : "simulator")})").LeftJustified());

    ChattingAccount me = await chatting.GetMeAsync();
    AnsiConsole.MarkupLineInterpolated($"Connected to workspace [green]{me.WorkspaceId}[/] ({me.TeamName}, owner {me.OwnerEmail}).");

    var lead = new ChattingNewContact("jordan.lee@example.com")
    {
        Name = "Jordan Lee",
        Phone = "+1 555 010 2030",
        Company = "Northwind",
        Status = "lead",
        Tags = ["website", "pricing-page"],
        CustomFields = new Dictionary<string, string> { ["crm_owner"] = "tina", ["plan_interest"] = "pro" },
    };
    // The lead wrote in through the chat widget first; that conversation is where the reply goes.
    var conversationId = await FindConversationAsync(chatting, simulator, configuration["CHATTING_CONVERSATION_ID"], lead);
    var created = await chatting.CreateContactAsync(lead);
    AnsiConsole.MarkupLineInterpolated($"Created contact [green]{created.Value.Id}[/] for {created.Value.Email} (idempotency key {created.IdempotencyKey}).");

    ChattingContactTag tag = await chatting.AddContactTagAsync(created.Value.Id, "hot-lead");
    AnsiConsole.MarkupLineInterpolated($"Tagged {tag.Id} with [yellow]{tag.Tag}[/].");

    ChattingSentMessage message = await chatting.SendMessageAsync(conversationId, "Thanks Jordan! A specialist will reply within the hour.", asSystem: true);
    AnsiConsole.MarkupLineInterpolated($"Posted message [green]{message.Id}[/] into {message.ConversationId} as {message.Sender}.");

    var table = new Table().AddColumns("Event", "When", "Details");
    foreach (var @event in new[] { ChattingEvent.ConversationCreated, ChattingEvent.TagAdded })
    {
        foreach (var trigger in (await chatting.GetRecentConversationTriggersAsync(3, @event)).Value)
        {
            table.AddRow(Markup.Escape(trigger.Event.Value), Markup.Escape($"{trigger.Timestamp:u}"), Markup.Escape(Describe(trigger)));
        }
    }

    foreach (var trigger in (await chatting.GetRecentContactTriggersAsync(3)).Value)
    {
        table.AddRow(Markup.Escape(trigger.Event.Value), Markup.Escape($"{trigger.Timestamp:u}"), Markup.Escape(Describe(trigger)));
    }

    AnsiConsole.Write(table);
    AnsiConsole.MarkupLine("[green]Done.[/]");
    return 0;
}
catch (ChatApiException ex)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Chatting call failed:[/] {ex.Message}");
    if (ex.GetChattingErrorCode() is { } code)
    {
        AnsiConsole.MarkupLineInterpolated($"[red]Error code:[/] {code}");
    }

    return 1;
}
catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or Microsoft.Extensions.Options.OptionsValidationException)
{
    AnsiConsole.MarkupLineInterpolated($"[red]Setup problem:[/] {ex.Message}");
    return 2;
}

static async Task<string> FindConversationAsync(ChattingClient chatting, ChattingSimulator? simulator, string? configured, ChattingNewContact lead)
{
    if (simulator is not null)
    {
        // The API cannot start conversations; in the simulator the lead starts one from the pricing page.
        return simulator.StartConversation(lead.Email, lead.Name, "https://example.com/pricing", "Do you offer annual billing?");
    }

    if (!string.IsNullOrWhiteSpace(configured))
    {
        return configured;
    }

    var latest = (await chatting.GetRecentConversationTriggersAsync(1)).Value.OfType<ConversationCreatedTrigger>().FirstOrDefault();
    return latest?.ConversationId
        ?? throw new InvalidOperationException("No recent conversation to post into; set CHATTING_CONVERSATION_ID.");
}

static string Describe(ChattingTrigger trigger) => trigger switch
{
    ConversationCreatedTrigger c => $"{c.ConversationId}: {c.VisitorName} <{c.VisitorEmail}> \"{c.FirstMessage}\"",
    ConversationResolvedTrigger r => $"{r.ConversationId}: resolved by {r.ResolvedBy} after {r.MessageCount} messages",
    ContactCreatedTrigger c => $"{c.ContactId}: {c.Name} <{c.Email}> from {c.Source}",
    TagAddedTrigger t => $"{t.ConversationId}: '{t.Tag}' by {t.AddedBy}",
    _ => trigger.RawJson,
};
