// AssistLoop: hand off to a ticket (the documents' use case 2).
//
// When the AI asks for a human (human_handoff_required), this program fetches the conversation's history,
// writes a ticket (to ./tickets/<conversation>.md and the console), replies to the customer with an
// acknowledgement, and closes the conversation.
//
// By default it runs against the in-process AssistLoop simulator: it subscribes a local webhook receiver,
// lets a simulated customer start a conversation and ask for a human, and handles the delivery it receives.
//
// To run against AssistLoop itself, set (environment variables; "__" separates configuration sections):
//   ChatApis__AssistLoop__Surface        Zapier (default) or Make
//   ChatApis__AssistLoop__AccessToken    the connected account's access token
//   ChatApis__AssistLoop__RefreshToken   its refresh token (optional; then also ClientId and ClientSecret)
//   ChatApis__AssistLoop__ClientId       the OAuth client id
//   ChatApis__AssistLoop__ClientSecret   the OAuth client secret
//   ASSISTLOOP_AGENT_UUID                the agent whose latest handoff to handle
// A console program cannot receive webhooks from the internet, so with real credentials it takes the
// agent's most recent handoff from the recent-sample endpoint instead (same payload shape as a delivery).
using System.Text;
using ChatApis;
using ChatApis.AssistLoop;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var section = configuration.GetSection(AssistLoopClientOptions.DefaultSectionName);
var useSimulator = string.IsNullOrWhiteSpace(section["AccessToken"]) && string.IsNullOrWhiteSpace(section["RefreshToken"]);

try
{
    if (useSimulator)
    {
        await RunAgainstSimulatorAsync();
    }
    else
    {
        await RunAgainstAssistLoopAsync(section, configuration["ASSISTLOOP_AGENT_UUID"]);
    }

    AnsiConsole.MarkupLine("[green]Done.[/]");
    return 0;
}
catch (Exception ex) when (ex is ChatApiException or ArgumentException or InvalidOperationException or TimeoutException or IOException or Microsoft.Extensions.Options.OptionsValidationException)
{
    AnsiConsole.MarkupLine($"[red]Failed:[/] {Markup.Escape(ex.Message)}");
    return 1;
}

static async Task RunAgainstSimulatorAsync()
{
    AnsiConsole.MarkupLine("[grey]No AssistLoop credentials configured: using the simulator.[/]");
    await using var simulator = new AssistLoopSimulator();
    await using var receiver = new WebhookReceiver();
    await simulator.StartAsync();
    await receiver.StartAsync();

    var services = new ServiceCollection();
    services.AddAssistLoopClient(options =>
    {
        options.Surface = AssistLoopSurface.Zapier;
        options.BaseAddress = new Uri(simulator.BaseAddress, "api/v1/");
        options.AccessToken = AssistLoopSimulator.AccessToken;
        options.RefreshToken = AssistLoopSimulator.RefreshToken;
        options.ClientId = AssistLoopSimulator.ClientId;
        options.ClientSecret = AssistLoopSimulator.ClientSecret;
    });
    await using var provider = services.BuildServiceProvider(validateScopes: true);
    var client = provider.GetRequiredService<AssistLoopClient>();

    var me = await client.GetMeAsync();
    AnsiConsole.MarkupLine($"Connected as [bold]{Markup.Escape(me.Value.Name ?? me.Value.Uuid)}[/].");

    var subscription = await client.SubscribeWebhookAsync(
        AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, receiver.UrlFor("assistloop/handoff"), AssistLoopWebhookEventType.HumanHandoffRequired);
    AnsiConsole.MarkupLine($"Subscribed webhook [bold]{subscription.Value.Id}[/] to human_handoff_required (secret kept, not shown).");

    var conversation = simulator.StartConversation(AssistLoopSimulator.AgentUuid, "Jane Smith", "jane@example.com", "Hi, I need help with my order");
    await Task.Delay(20);
    simulator.AddGuestMessage(conversation, "Order #10042 never arrived.", DateTimeOffset.UtcNow);
    await Task.Delay(20);
    simulator.RequestHandoff(conversation, "I need to speak with a human agent");

    var delivery = await receiver.WaitForDeliveryAsync(timeout: TimeSpan.FromSeconds(10));
    AnsiConsole.MarkupLine($"Received a webhook delivery at [bold]{Markup.Escape(delivery.Path)}[/].");
    await HandleAsync(client, AssistLoopWebhookEvent.Parse(delivery.Body));

    await client.UnsubscribeWebhookAsync(subscription.Value.Id);
    var state = simulator.GetConversation(conversation)!;
    if (state.IsOpen || state.ResponseMode != "human")
    {
        throw new InvalidOperationException("The simulated conversation was not closed in human mode.");
    }
}

static async Task RunAgainstAssistLoopAsync(IConfigurationSection section, string? agentUuid)
{
    if (string.IsNullOrWhiteSpace(agentUuid))
    {
        throw new ArgumentException("Set ASSISTLOOP_AGENT_UUID to the agent whose latest handoff should become a ticket.");
    }

    var services = new ServiceCollection();
    services.AddAssistLoopClient(section);
    await using var provider = services.BuildServiceProvider(validateScopes: true);
    var client = provider.GetRequiredService<AssistLoopClient>();

    var samples = await client.GetRecentSamplesAsync(agentUuid, limit: 1, type: AssistLoopWebhookEventType.HumanHandoffRequired);
    if (samples.Value.Count == 0)
    {
        AnsiConsole.MarkupLine("[yellow]The agent has no recent handoff: nothing to do.[/]");
        return;
    }

    await HandleAsync(client, samples.Value[0]);
}

static async Task HandleAsync(AssistLoopClient client, AssistLoopWebhookEvent received)
{
    if (received is not AssistLoopHumanHandoffRequiredEvent handoff || handoff.Data.Conversation is null)
    {
        AnsiConsole.MarkupLine($"[yellow]Ignoring a {Markup.Escape(received.Event.Value ?? "?")} event.[/]");
        return;
    }

    var conversationUuid = handoff.Data.Conversation.Uuid;
    AnsiConsole.MarkupLine($"Handoff requested in conversation [bold]{conversationUuid}[/] by {Markup.Escape(handoff.Data.ChatUser?.Name ?? "an anonymous customer")}.");

    // The full history, oldest first for reading (the API returns newest first, page by page).
    var history = new List<AssistLoopMessage>();
    await foreach (var message in client.ListMessagesAsync(conversationUuid, perPage: 50))
    {
        history.Add(message);
    }

    history.Reverse();
    var ticketId = $"T-{DateTimeOffset.UtcNow:yyyyMMddHHmmss}";
    var ticket = new StringBuilder()
        .AppendLine($"# Ticket {ticketId}")
        .AppendLine()
        .AppendLine($"- Priority: high")
        .AppendLine($"- Requester: {handoff.Data.ChatUser?.Name ?? "anonymous"} <{handoff.Data.ChatUser?.Email ?? "no email provided"}>")
        .AppendLine($"- Agent: {handoff.Data.Agent?.Name} ({handoff.Data.Organization?.Name})")
        .AppendLine($"- Conversation: {conversationUuid}")
        .AppendLine()
        .AppendLine("## Transcript")
        .AppendLine();
    foreach (var message in history)
    {
        ticket.AppendLine($"- [{message.CreatedAt:u}] {message.SenderName ?? message.Type.Value}: {message.Content}");
    }

    Directory.CreateDirectory("tickets");
    var path = Path.Combine("tickets", $"{conversationUuid}.md");
    await File.WriteAllTextAsync(path, ticket.ToString());
    AnsiConsole.Write(new Panel(Markup.Escape(ticket.ToString())).Header($"Ticket {ticketId}").Expand());
    AnsiConsole.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/] ({history.Count} messages).");

    var reply = await client.ReplyAsync(conversationUuid, $"Thanks! We've created ticket #{ticketId} and a team member will help you shortly.");
    AnsiConsole.MarkupLine($"Replied to the customer (message [bold]{reply.Value.MessageId}[/]).");

    var closed = await client.CloseConversationAsync(conversationUuid);
    AnsiConsole.MarkupLine($"Closed the conversation ([bold]{closed.Value.Status}[/] on {closed.Value.Platform}).");
}
