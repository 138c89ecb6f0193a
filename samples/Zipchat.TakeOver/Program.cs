// Zipchat.TakeOver: the Backend API's "take over a conversation, reply, and hand it back to the AI" example.
// It finds the latest escalated conversation that no agent has resolved, takes it over as a chat user,
// replies as that user, and hands the conversation back to the AI.
//
// Runs against an in-process ZipchatSimulator unless credentials are configured through environment variables:
//   ChatApis__Zipchat__ApiKey       the Backend API key (zc-...)            required for the live API
//   ChatApis__Zipchat__ChatId       the chat id                             required for the live API
//   ChatApis__Zipchat__BaseAddress  optional override of the API address
//   ZIPCHAT_AGENT_USER_ID           optional: the user to act as (default: the first assignable user)
//   ZIPCHAT_REPLY                   the reply text; against the live API nothing is sent to the customer unless it is set
using ChatApis;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var section = configuration.GetSection(ZipchatClientOptions.DefaultSectionName);
var live = !string.IsNullOrWhiteSpace(section["ApiKey"]);

await using var simulator = live ? null : new ZipchatSimulator();
var services = new ServiceCollection();
if (simulator is null)
{
    services.AddZipchatClient(section);
    AnsiConsole.MarkupLine("[bold]Zipchat[/] live API (credentials from the environment)");
}
else
{
    await simulator.StartAsync();
    services.AddZipchatClient(o =>
    {
        o.ApiKey = ZipchatSimulator.ApiKey;
        o.ChatId = ZipchatSimulator.ChatId;
        o.BaseAddress = new Uri(simulator.BaseAddress, ZipchatSimulator.ApiPath);
    });
    AnsiConsole.MarkupLine($"[bold]Zipchat[/] simulator at [blue]{simulator.BaseAddress}[/] (set ChatApis__Zipchat__ApiKey to use the live API)");
}

try
{
    await using var provider = services.BuildServiceProvider();
    var zipchat = provider.GetRequiredService<ZipchatClient>();
    return await TakeOverAsync(zipchat, configuration, live);
}
catch (Exception ex) when (ex is ChatApiException or Microsoft.Extensions.Options.OptionsValidationException or ArgumentException)
{
    AnsiConsole.MarkupLine($"[red]Failed:[/] {Markup.Escape(ex.Message)}");
    return 1;
}

static async Task<int> TakeOverAsync(ZipchatClient zipchat, IConfiguration configuration, bool live)
{
    // 1. The latest escalation no agent has resolved yet.
    ZipchatConversation? escalated = null;
    await foreach (var conversation in zipchat.ListConversationsAsync(perPage: ZipchatClient.MaxPageSize))
    {
        if (conversation.HasOpenEscalation && (escalated is null || conversation.LastEscalatedAt > escalated.LastEscalatedAt))
        {
            escalated = conversation;
        }
    }

    if (escalated is null)
    {
        AnsiConsole.MarkupLine("[green]No open escalation: nothing to take over.[/]");
        return 0;
    }

    AnsiConsole.MarkupLine(
        $"Latest escalation: conversation [bold]{escalated.Id}[/] on [yellow]{escalated.Channel}[/], escalated {escalated.LastEscalatedAt:u}, lead {Markup.Escape(escalated.Lead?.FullName ?? "unknown")}");

    // 2. The agent: a user who may be assigned on this chat.
    var agentId = long.TryParse(configuration["ZIPCHAT_AGENT_USER_ID"], out var configured) ? configured : 0;
    if (agentId == 0)
    {
        await foreach (var user in zipchat.ListUsersAsync())
        {
            agentId = user.Id;
            break;
        }
    }

    if (agentId == 0)
    {
        AnsiConsole.MarkupLine("[red]Failed:[/] the chat has no assignable user to act as.");
        return 1;
    }

    // 3. Take it over: manual mode, assigned to the agent.
    var takenOver = await zipchat.TakeOverConversationAsync(escalated.Id, agentId);
    AnsiConsole.MarkupLine($"Taken over by user [bold]{agentId}[/]: manual mode = {takenOver.Value.ManualReplyMode}");
    try
    {
        var details = await zipchat.GetConversationAsync(escalated.Id, messagePerPage: ZipchatClient.MaxMessagePageSize);
        var table = new Table().AddColumns("When", "Role", "Message");
        foreach (var message in details.Value.Messages.TakeLast(5))
        {
            var text = string.Join(" ", message.GetBlocks().Select(b => b switch
            {
                TextMessageBlock t => t.Text,
                ImageMessageBlock i => $"[image {i.Url}]",
                _ => $"[{b.Type}]",
            }));
            table.AddRow(message.CreatedAt.ToString("u"), message.ManualReply ? "agent" : message.Role.Value, Markup.Escape(text));
        }

        AnsiConsole.Write(table);

        // 4. Reply as the agent (through the conversation's own channel).
        var reply = configuration["ZIPCHAT_REPLY"];
        if (string.IsNullOrWhiteSpace(reply) && live)
        {
            AnsiConsole.MarkupLine("[yellow]ZIPCHAT_REPLY is not set: no message is sent to the live customer.[/]");
        }
        else
        {
            reply = string.IsNullOrWhiteSpace(reply) ? "Sorry about that! I have refunded the duplicate charge." : reply;
            try
            {
                var sent = await zipchat.SendMessageAsync(escalated.Id, reply, agentId);
                AnsiConsole.MarkupLine($"Replied as user {agentId}: message [bold]{sent.Value.Id}[/] \"{Markup.Escape(reply)}\"");
            }
            catch (ChatApiValidationException ex) when (ex.GetZipchatErrorCode() == ZipchatErrorCode.MetaReplyWindowClosed)
            {
                AnsiConsole.MarkupLine("[yellow]The customer last wrote more than 24 hours ago on a Meta channel: no reply is possible until they write again.[/]");
            }
        }
    }
    finally
    {
        // 5. Always hand the conversation back, even when the reply failed.
        var handedBack = await zipchat.HandBackToAiAsync(escalated.Id);
        AnsiConsole.MarkupLine(
            $"Handed back to the AI: manual mode = {handedBack.Value.ManualReplyMode}, assignee = {(handedBack.Value.Assignee is null ? "none" : handedBack.Value.Assignee.Id)}; " +
            $"rate limit {handedBack.RateLimit?.Remaining}/{handedBack.RateLimit?.Limit} left until {handedBack.RateLimit?.ResetAt:u}");
    }

    return 0;
}
