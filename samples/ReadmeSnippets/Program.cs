// Runs every C# snippet of README.md against the built-in simulators, then checks that README.md shows
// exactly the code compiled here. CI runs it: `dotnet run --project samples/ReadmeSnippets`.
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;
using ChatApis.Vertext;
using ChatApis.Zipchat;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Samples.ReadmeSnippets;
using Samples.ReadmeSnippets.Snippets;

await using var assistLoopSim = new AssistLoopSimulator();
await using var zipchatSim = new ZipchatSimulator();
await using var chattingSim = new ChattingSimulator();
await using var vertextSim = new VertextSimulator();
await Task.WhenAll(assistLoopSim.StartAsync(), zipchatSim.StartAsync(), chattingSim.StartAsync(), vertextSim.StartAsync());
var zipchatBase = new Uri(zipchatSim.BaseAddress, ZipchatSimulator.ApiPath);
var settings = new Dictionary<string, string?>
{
    ["ChatApis:AssistLoop:BaseAddress"] = new Uri(assistLoopSim.BaseAddress, "api/v1/").ToString(),
    ["ChatApis:AssistLoop:AccessToken"] = AssistLoopSimulator.AccessToken,
    ["ChatApis:Zipchat:BaseAddress"] = zipchatBase.ToString(),
    ["ChatApis:Zipchat:ApiKey"] = ZipchatSimulator.ApiKey,
    ["ChatApis:Zipchat:ChatId"] = "1",
    ["ChatApis:Chatting:BaseAddress"] = new Uri(chattingSim.BaseAddress, "api/zapier/").ToString(),
    ["ChatApis:Chatting:ApiKey"] = ChattingSimulator.ApiKey,
    ["ChatApis:Vertext:BaseAddress"] = vertextSim.BaseAddress.ToString(),
    ["ChatApis:Vertext:AccessToken"] = VertextSimulator.AccessToken,
    ["AssistLoop:ClientId"] = AssistLoopSimulator.ClientId,
    ["AssistLoop:ClientSecret"] = AssistLoopSimulator.ClientSecret,
};
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var ran = 0;

// Setup: DI from configuration, named clients, settings.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Configuration.AddConfiguration(configuration);
await SetupSnippets.DependencyInjectionAsync(builder);
await SetupSnippets.NamedClientsAsync(new ServiceCollection(), ZipchatSimulator.ApiKey, ZipchatSimulator.OtherChatApiKey, zipchatBase);
using (var tuned = new ZipchatClient(SetupSnippets.Settings(ZipchatSimulator.ApiKey, zipchatBase)))
{
    await tuned.GetUsersPageAsync();
}

ran += 3;

// One example per vendor.
var services = new ServiceCollection();
services.AddAssistLoopClient(configuration.GetSection("ChatApis:AssistLoop"));
services.AddZipchatClient(configuration.GetSection("ChatApis:Zipchat"));
services.AddChattingClient(configuration.GetSection("ChatApis:Chatting"));
services.AddVertextClient(configuration.GetSection("ChatApis:Vertext"));
await using (var provider = services.BuildServiceProvider())
{
    var handedOff = assistLoopSim.StartConversation(AssistLoopSimulator.AgentUuid, "Jane Smith", "jane@example.com", "Hi, I need help with my order");
    assistLoopSim.RequestHandoff(handedOff, "I need to speak with a human agent");
    await VendorSnippets.AssistLoopAsync(provider.GetRequiredService<AssistLoopClient>(), AssistLoopSimulator.AgentUuid);
    Require(assistLoopSim.GetConversation(handedOff)?.IsOpen == false, "the AssistLoop snippet closed the handed-off conversation");

    var zipchat = provider.GetRequiredService<ZipchatClient>();
    await VendorSnippets.ZipchatAsync(zipchat, ZipchatSimulator.OwnerUserId);
    await VendorSnippets.ChattingAsync(provider.GetRequiredService<ChattingClient>(), ChattingSimulator.SeededConversationId);
    Require(chattingSim.Contacts.Any(c => c.Email == "lead@example.com"), "the Chatting snippet created its contact");
    await VendorSnippets.VertextAsync(provider.GetRequiredService<VertextClient>());
    var synced = await AllVendorsSnippets.LeadsToChattingAsync(
        provider.GetRequiredService<AssistLoopClient>(), zipchat, provider.GetRequiredService<VertextClient>(), provider.GetRequiredService<ChattingClient>(), AssistLoopSimulator.AgentUuid);
    Require(synced > 0 && chattingSim.Contacts.Any(c => c.Email == "john@example.com"), "the all-vendors snippet made Chatting contacts of the other vendors' leads");
    await UsageSnippets.PaginationAsync(zipchat);
    await UsageSnippets.ErrorsAsync(zipchat, ZipchatSimulator.WebConversationId, ZipchatSimulator.OwnerUserId);
    Require(zipchatSim.GetConversation(ZipchatSimulator.WebConversationId).ManualReplyMode, "the errors snippet took the AI-mode conversation over");
    ran += 8;
}

// OAuth: the authorization code flow into a file token store, on the Make surface.
var tokenFile = Path.Combine(Path.GetTempPath(), $"chatapis-readme-{Guid.NewGuid():N}.txt");
try
{
    var oauthServices = new ServiceCollection();
    OAuthSnippets.Register(oauthServices, configuration, tokenFile);
    oauthServices.PostConfigure<AssistLoopClientOptions>(o =>
    {
        o.BaseAddress = new Uri(assistLoopSim.BaseAddress, "v1/");
        o.RedirectUri = new Uri(AssistLoopSimulator.MakeRedirectUri);
    });
    await using var provider = oauthServices.BuildServiceProvider();
    var assistLoop = provider.GetRequiredService<AssistLoopClient>();
    var uuid = await OAuthSnippets.AuthorizeAsync(assistLoop, async state =>
    {
        // What the user's browser does: approve, then follow AssistLoop's redirect back to the app.
        var approved = await assistLoop.AuthorizeAsync(state, sessionCookie: AssistLoopSimulator.SessionCookie, scopes: AssistLoopScopes.All);
        return new Uri($"{AssistLoopSimulator.MakeRedirectUri}?code={Uri.EscapeDataString(approved.Value.Code)}&state={Uri.EscapeDataString(state)}");
    });
    Require(uuid.Length > 0 && File.ReadAllLines(tokenFile).Length == 4, "the OAuth snippet stored the tokens in the file");
    ran += 3;
}
finally
{
    File.Delete(tokenFile);
}

// Webhooks: the ASP.NET Core endpoints receive real deliveries from the simulators.
var web = WebApplication.CreateSlimBuilder();
web.WebHost.UseUrls("http://127.0.0.1:0");
web.Logging.ClearProviders();
web.Services.AddAssistLoopClient(configuration.GetSection("ChatApis:AssistLoop"));
await using (var app = web.Build())
{
    WebhookSnippets.Map(app);
    await app.StartAsync();
    var hooks = new Uri(app.Urls.First().TrimEnd('/') + "/");
    await using var subscriber = new ServiceCollection().AddAssistLoopClient(configuration.GetSection("ChatApis:AssistLoop")).Services.BuildServiceProvider();
    var assistLoop = subscriber.GetRequiredService<AssistLoopClient>();
    await assistLoop.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, new Uri(hooks, "hooks/assistloop"), AssistLoopWebhookEventType.HumanHandoffRequired);
    var conversation = assistLoopSim.StartConversation(AssistLoopSimulator.AgentUuid, "Sam Lee", "sam@example.com", "My parcel is late");
    assistLoopSim.RequestHandoff(conversation, "A person, please");
    await Eventually(() => assistLoopSim.GetMessages(conversation).Any(m => m.Contains("A human will take it from here.", StringComparison.Ordinal)), "the AssistLoop webhook endpoint replied");

    var chattingServices = new ServiceCollection().AddChattingClient(configuration.GetSection("ChatApis:Chatting")).Services;
    await using var chattingProvider = chattingServices.BuildServiceProvider();
    var chatting = chattingProvider.GetRequiredService<ChattingClient>();
    await chatting.SubscribeWebhookAsync(ChattingEvent.ContactCreated, new Uri(hooks, "hooks/chatting"));
    await chatting.CreateContactAsync(new ChattingNewContact("new.lead@example.com") { Name = "New Lead" });
    await chattingSim.WhenDeliveriesIdleAsync();
    Require(chattingSim.DeliveryAttempts.Any(a => a.Target.AbsolutePath == "/hooks/chatting" && a.StatusCode == 200), "the Chatting trigger endpoint accepted a delivery");
    await app.StopAsync();
    ran++;
}

// Inbound events: ChatApis.AspNetCore endpoints receive the simulators' deliveries, once each.
var inboundBuilder = WebApplication.CreateSlimBuilder();
inboundBuilder.WebHost.UseUrls("http://127.0.0.1:0");
inboundBuilder.Logging.ClearProviders();
inboundBuilder.Services.AddAssistLoopClient(configuration.GetSection("ChatApis:AssistLoop"));
inboundBuilder.Services.AddZipchatClient(configuration.GetSection("ChatApis:Zipchat"));
var assistLoopToken = ChatApis.AspNetCore.WebhookUrlToken.Generate();
var chattingToken = ChatApis.AspNetCore.WebhookUrlToken.Generate();
await using (var app = InboundSnippets.Build(inboundBuilder, assistLoopToken, chattingToken))
{
    await app.StartAsync();
    var publicBase = new Uri(app.Urls.First().TrimEnd('/') + "/");
    await using var subscriber = new ServiceCollection().AddAssistLoopClient(configuration.GetSection("ChatApis:AssistLoop")).Services.BuildServiceProvider();
    var target = await InboundSnippets.SubscribeAsync(subscriber.GetRequiredService<AssistLoopClient>(), publicBase, assistLoopToken, AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid);
    Require(target.AbsolutePath == "/hooks/assistloop/" + assistLoopToken, "the subscription URL carries the token as its last segment");
    var conversation = assistLoopSim.StartConversation(AssistLoopSimulator.AgentUuid, "Kim Park", "kim@example.com", "Where is my refund?");
    assistLoopSim.RequestHandoff(conversation, "A person, please");
    await Eventually(() => assistLoopSim.GetMessages(conversation).Count(m => m.Contains("A person will take it from here.", StringComparison.Ordinal)) == 1, "the inbound handler replied once");

    var chattingServices = new ServiceCollection().AddChattingClient(configuration.GetSection("ChatApis:Chatting")).Services;
    await using var chattingProvider = chattingServices.BuildServiceProvider();
    var chatting = chattingProvider.GetRequiredService<ChattingClient>();
    await chatting.SubscribeWebhookAsync(ChattingEvent.ContactCreated, ChatApis.AspNetCore.WebhookUrlToken.BuildTargetUrl(new Uri(publicBase, "hooks/chatting"), chattingToken));
    await chatting.CreateContactAsync(new ChattingNewContact("inbound.lead@example.com"));
    await Eventually(() => chattingSim.DeliveryAttempts.Any(a => a.Target.AbsolutePath == "/hooks/chatting/" + chattingToken && a.StatusCode == 200), "the Chatting trigger endpoint handled a delivery");
    await app.StopAsync();
    ran += 3;
}

// Observability: OpenTelemetry, set up as the README shows, records the SDK's span of a call.
var observed = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
ObservabilitySnippets.AddOpenTelemetry(observed);
observed.Services.AddZipchatClient(configuration.GetSection("ChatApis:Zipchat"));
using (var host = observed.Build())
{
    await host.StartAsync();
    var recorded = new List<System.Diagnostics.Activity>();
    using var listener = new System.Diagnostics.ActivityListener
    {
        // Never asks for data itself: a span is recorded only because OpenTelemetry sampled it.
        ShouldListenTo = source => source.Name == ChatApis.Diagnostics.ChatApisTelemetry.Name,
        Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.PropagationData,
        ActivityStopped = a =>
        {
            lock (recorded)
            {
                recorded.Add(a);
            }
        },
    };
    System.Diagnostics.ActivitySource.AddActivityListener(listener);
    await host.Services.GetRequiredService<ZipchatClient>().GetUsersPageAsync();
    lock (recorded)
    {
        Require(recorded.Any(a => a.Recorded && a.DisplayName == "GET /api/integrations/backend_api/v1/chats/{chat_id}/users"), "OpenTelemetry recorded the call's span");
    }

    await host.StopAsync();
    ran++;
}

// Testing with a simulator.
Require(await TestingSnippets.RunAsync() == 2, "the testing snippet saw one retry");
ran++;

var problems = ReadmeCheck.Problems(out var snippetCount);
foreach (var problem in problems)
{
    Console.Error.WriteLine($"README.md: {problem}");
}

Console.WriteLine($"README snippets: {snippetCount} in README.md, {ran} runs against the simulators, {problems.Count} mismatches");
return problems.Count == 0 ? 0 : 1;

static void Require(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException($"README snippet check failed: {what}.");
    }
}

static async Task Eventually(Func<bool> condition, string what)
{
    for (var i = 0; i < 200 && !condition(); i++)
    {
        await Task.Delay(25);
    }

    Require(condition(), what);
}
