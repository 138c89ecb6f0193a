using System.Net;
using System.Reflection;
using ChatApis.Http;
using ChatApis.Testing.Vertext;
using ChatApis.Vertext.Api;
using Refit;

namespace ChatApis.Vertext.Tests;

/// <summary>
/// The Refit interface and the operations must describe the same endpoints: each client method is called once
/// (the call handler throws when a request's method or path template differs from its operation's), and every
/// operation has exactly one Refit method with its method and path.
/// </summary>
public class WireContractTests : VertextTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_client_method_sends_what_its_operation_declares()
    {
        var bots = await Client.GetChatbotsPageAsync(cancellationToken: Ct);
        var contacts = await Client.GetContactsPageAsync(VertextSimulator.ContactsChatbotId, cancellationToken: Ct);
        var subscription = await Client.SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, new Uri("https://hooks.zapier.com/x"), cancellationToken: Ct);
        var deleted = await Client.UnsubscribeWebhookAsync(VertextSimulator.DemoChatbotId, subscription.Value.Id, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, bots.StatusCode);
        Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(
            [
                "GET /chatbots/list",
                $"GET /contacts/{VertextSimulator.ContactsChatbotId}",
                $"POST /chatbots/{VertextSimulator.DemoChatbotId}/zapier_subscriptions",
                $"DELETE /chatbots/{VertextSimulator.DemoChatbotId}/zapier_subscriptions/{subscription.Value.Id}",
            ],
            Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public void Every_operation_has_one_Refit_method_with_its_method_and_path()
    {
        var operations = typeof(VertextOperations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (ApiOperation)f.GetValue(null)!)
            .Select(o => $"{o.Method.Method} {o.PathTemplate}")
            .Order()
            .ToList();
        var methods = typeof(IVertextApi).GetMethods()
            .Select(m => m.GetCustomAttribute<HttpMethodAttribute>()!)
            .Select(a => $"{a.Method.Method} {a.Path}")
            .Order()
            .ToList();

        Assert.Equal(4, operations.Count);
        Assert.Equal(operations, methods);
    }
}
