// The consumer app of scripts/package-smoke.sh: a fresh console app outside the repository that references the
// packed ChatApis packages by version. It starts the four simulators from the ChatApis.Testing package, registers
// every client with services.AddXxxClient(...), makes real calls over loopback HTTP and checks what came back and
// what the simulators received; then a ChatApis.AspNetCore endpoint on Kestrel receives a trigger from the Chatting
// simulator. Exit code 0 when every check holds, 1 otherwise.
using System.Text;
using ChatApis;
using ChatApis.AspNetCore;
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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var failures = new List<string>();
void Check(string vendor, bool condition, string what)
{
    Console.WriteLine($"  {(condition ? "ok  " : "FAIL")} {vendor}: {what}");
    if (!condition)
    {
        failures.Add($"{vendor}: {what}");
    }
}

await using var assistLoopSim = new AssistLoopSimulator();
await using var zipchatSim = new ZipchatSimulator();
await using var chattingSim = new ChattingSimulator();
await using var vertextSim = new VertextSimulator();
await Task.WhenAll(assistLoopSim.StartAsync(), zipchatSim.StartAsync(), chattingSim.StartAsync(), vertextSim.StartAsync());

var services = new ServiceCollection();
services.AddAssistLoopClient(o =>
{
    // Only a refresh token: the first call goes through the OAuth refresh at the host root first.
    o.BaseAddress = new Uri(assistLoopSim.BaseAddress, "api/v1/");
    o.ClientId = AssistLoopSimulator.ClientId;
    o.ClientSecret = AssistLoopSimulator.ClientSecret;
    o.RefreshToken = AssistLoopSimulator.RefreshToken;
});
services.AddZipchatClient(o =>
{
    o.BaseAddress = new Uri(zipchatSim.BaseAddress, ZipchatSimulator.ApiPath);
    o.ApiKey = ZipchatSimulator.ApiKey;
    o.ChatId = ZipchatSimulator.ChatId;
});
services.AddChattingClient(o =>
{
    o.BaseAddress = new Uri(chattingSim.BaseAddress, "api/zapier/");
    o.ApiKey = ChattingSimulator.ApiKey;
});
services.AddVertextClient(o =>
{
    o.BaseAddress = vertextSim.BaseAddress;
    o.AccessToken = VertextSimulator.AccessToken;
});
await using var provider = services.BuildServiceProvider();

try
{
    var assistLoop = provider.GetRequiredService<AssistLoopClient>();
    var me = (await assistLoop.GetMeAsync()).Value;
    Check("AssistLoop", me is { Uuid: "usr_abc123", Name: "John Doe" }, $"GetMeAsync after an OAuth refresh: {me.Uuid} {me.Name}");
    Check("AssistLoop", assistLoopSim.Journal.Where("POST", "/oauth/token").Count == 1, "exactly one token refresh at /oauth/token");
    var conversations = await assistLoop.ListConversationsAsync(AssistLoopSimulator.AgentUuid).ToListAsync();
    Check("AssistLoop", conversations.Any(c => c.Uuid == AssistLoopSimulator.ConversationUuid), $"ListConversationsAsync: {conversations.Count} conversation(s), the seeded one among them");

    var zipchat = provider.GetRequiredService<ZipchatClient>();
    var ids = new List<long>();
    await foreach (var conversation in zipchat.ListConversationsAsync())
    {
        ids.Add(conversation.Id);
    }

    long[] seeded = [ZipchatSimulator.WebConversationId, ZipchatSimulator.EscalatedEmailConversationId, ZipchatSimulator.WhatsAppConversationId, ZipchatSimulator.StaleInstagramConversationId, ZipchatSimulator.MessengerConversationId];
    Check("Zipchat", ids.Order().SequenceEqual(seeded.Order()), $"ListConversationsAsync: {string.Join(", ", ids)}");
    Check("Zipchat", zipchatSim.Journal.Last.Headers["authorization"] == $"Bearer {ZipchatSimulator.ApiKey}", "the API key sent as a bearer token");

    var chatting = provider.GetRequiredService<ChattingClient>();
    var account = (await chatting.GetMeAsync()).Value;
    Check("Chatting", account.Ok && account.WorkspaceId == ChattingSimulator.WorkspaceId, $"GetMeAsync: workspace {account.WorkspaceId} ({account.TeamName})");
    Check("Chatting", chattingSim.Journal.Last.Headers["x-api-key"] == ChattingSimulator.ApiKey, "the API key sent as X-API-Key");

    var vertext = provider.GetRequiredService<VertextClient>();
    var bots = new List<string>();
    await foreach (var bot in vertext.ListChatbotsAsync())
    {
        bots.Add(bot.Name);
    }

    Check("Vertext", bots.Contains("Demo") && bots.Contains("SupportBot"), $"ListChatbotsAsync: {string.Join(", ", bots)}");
    Check("Vertext", vertextSim.Journal.Last.Headers["authorization"] == $"Bearer {VertextSimulator.AccessToken}", "the access token sent as a bearer token");

    // The Standard Webhooks specification's published test vector.
    var vector = new StandardWebhooksVerifier("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Sign("msg_p5jXN8AQM9LWM0D4loKWxJek", DateTimeOffset.FromUnixTimeSeconds(1614265330), Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));
    Check("AspNetCore", vector == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "StandardWebhooksVerifier signs the specification's test vector");

    var handled = new TaskCompletionSource<ContactCreatedTrigger>(TaskCreationOptions.RunContinuationsAsynchronously);
    var web = WebApplication.CreateSlimBuilder();
    web.WebHost.UseUrls("http://127.0.0.1:0");
    web.Logging.ClearProviders();
    web.Services.AddChatApisInboundEvents().AddHandler<ContactCreatedTrigger>((trigger, context, ct) =>
    {
        handled.TrySetResult(trigger);
        return Task.CompletedTask;
    });
    var token = WebhookUrlToken.Generate();
    await using var app = web.Build();
    app.MapChattingTriggers("/hooks/chatting/{token}", o => o.UrlToken = token);
    await app.StartAsync();
    var target = WebhookUrlToken.BuildTargetUrl(new Uri(new Uri(app.Urls.First().TrimEnd('/') + "/"), "hooks/chatting"), token);
    await chatting.SubscribeWebhookAsync(ChattingEvent.ContactCreated, target);
    await chatting.CreateContactAsync(new ChattingNewContact("smoke@example.com"));
    var trigger = await handled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    Check("AspNetCore", trigger.Email == "smoke@example.com", $"a Chatting contact.created trigger reached its typed handler: {trigger.Email}");
    await app.StopAsync();
}
catch (Exception e) when (e is ChatApiException or TimeoutException)
{
    failures.Add($"{e.GetType().Name}: {e.Message}");
    Console.WriteLine($"  FAIL {e.GetType().Name}: {e.Message}");
}

Console.WriteLine(failures.Count == 0 ? "package consumer: every check passed" : $"package consumer: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
