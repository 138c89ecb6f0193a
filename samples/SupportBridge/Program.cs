// SupportBridge: the documents' support use cases end to end, as one ASP.NET Core app.
//
//   AssistLoop's AI asks for a human (human_handoff_required webhook) → the bridge reads the conversation's
//   messages → opens the customer as a contact in Chatting (the team's inbox) → replies to the customer.
//   Zipchat has no webhooks: a watcher polls the whole chat, and a customer message in a conversation the AI
//   escalated is raised to Chatting the same way. Chatting's contact.created trigger confirms each contact.
//
// Every inbound event goes through ChatApis.AspNetCore: URL-token endpoints, typed handlers, exactly once
// under the vendors' retries.
//
//   dotnet run --project samples/SupportBridge             simulators in-process, plays the flow once, keeps serving
//   dotnet run --project samples/SupportBridge -- --demo   the same, then exits (0 when the flow completed)
//
// With credentials configured (environment variables, "__" separates sections; or user secrets), the real APIs
// are used instead, and only the parts whose vendor is configured run:
//   ChatApis__AssistLoop__AccessToken (and the other AssistLoop settings), ChatApis__Chatting__ApiKey,
//   ChatApis__Zipchat__ApiKey and ChatApis__Zipchat__ChatId,
//   SupportBridge__AssistLoopUrlToken and SupportBridge__ChattingUrlToken: the secret tokens of the webhook URLs
//   (make them with WebhookUrlToken.Generate()); subscribe https://<your host>/hooks/assistloop/<token> to
//   AssistLoop's human_handoff_required and https://<your host>/hooks/chatting/<token> to Chatting's contact.created.
using ChatApis.AspNetCore;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Zipchat;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Samples.SupportBridge.Bridge;

var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());

// ASP.NET Core's request log line holds the URL, and so the webhook token: keep it (and the per-call HTTP logs) quiet.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
builder.Logging.AddFilter("ChatApis", LogLevel.Warning);

await using var vendors = await Vendors.StartAsync(builder.Configuration, CancellationToken.None);
if (vendors.Simulated && string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

BridgeTokens tokens;
try
{
    tokens = new BridgeTokens(
        Token(builder.Configuration, "SupportBridge:AssistLoopUrlToken", vendors.Simulated || !vendors.AssistLoopLive),
        Token(builder.Configuration, "SupportBridge:ChattingUrlToken", vendors.Simulated || !vendors.ChattingLive));
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

vendors.Register(builder.Services, builder.Configuration);
builder.Services.AddSingleton<BridgeActivity>();
var inbound = builder.Services.AddChatApisInboundEvents()
    .AddHandler<AssistLoopHumanHandoffRequiredEvent, HandoffToChattingHandler>()
    .AddHandler<ContactCreatedTrigger, ContactConfirmationHandler>()
    .AddHandler<ZipchatNewMessage, ZipchatEscalationHandler>();
if (vendors.HasZipchat)
{
    inbound.AddZipchatWatcher(o => o.Watch.PollInterval = TimeSpan.FromSeconds(vendors.Simulated ? 1 : 10));
}

await using var app = builder.Build();
if (vendors.HasAssistLoop)
{
    app.MapAssistLoopWebhooks("/hooks/assistloop/{token}", o => o.UrlToken = tokens.AssistLoop);
}

if (vendors.HasChatting)
{
    app.MapChattingTriggers("/hooks/chatting/{token}", o => o.UrlToken = tokens.Chatting);
}

await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");
Console.WriteLine($"SupportBridge listening on {address} ({(vendors.Simulated ? "the built-in simulators" : Live(vendors))}).");

var completed = true;
if (vendors.Simulated)
{
    completed = await DemoScript.RunAsync(app.Services, vendors, address, tokens, TimeSpan.FromSeconds(60));
    Console.WriteLine(completed ? "The support flow completed." : "The support flow did NOT complete.");
}
else
{
    Console.WriteLine("Endpoints: POST /hooks/assistloop/<SupportBridge:AssistLoopUrlToken>, POST /hooks/chatting/<SupportBridge:ChattingUrlToken> (tokens not shown).");
}

if (demo)
{
    await app.StopAsync();
    return completed ? 0 : 1;
}

Console.WriteLine("Serving; press Ctrl+C to stop.");
await app.WaitForShutdownAsync();
return completed ? 0 : 1;

// A configured token, or a fresh one where the URL is never given to a real vendor.
static string Token(IConfiguration configuration, string key, bool mayGenerate)
{
    if (configuration[key] is { Length: > 0 } configured)
    {
        return configured;
    }

    return mayGenerate
        ? WebhookUrlToken.Generate()
        : throw new InvalidOperationException($"Set {key} (e.g. the output of WebhookUrlToken.Generate()) to receive that vendor's webhooks.");
}

static string Live(Vendors vendors) => "live: " + string.Join(", ", new[]
{
    vendors.AssistLoopLive ? "AssistLoop" : null,
    vendors.ZipchatLive ? "Zipchat" : null,
    vendors.ChattingLive ? "Chatting" : null,
}.OfType<string>());
