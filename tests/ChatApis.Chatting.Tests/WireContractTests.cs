using System.Reflection;
using ChatApis.Chatting.Api;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing.Chatting;
using Refit;

namespace ChatApis.Chatting.Tests;

/// <summary>
/// The Refit interface and the operations must describe the same endpoints: each client method is called once
/// (the call handler throws when a request's method or path template differs from its operation's), and every
/// operation has exactly one Refit method with its method and path.
/// </summary>
public sealed class WireContractTests : ChattingTestBase
{
    private static readonly Uri Hook = new("https://hooks.zapier.com/hooks/catch/123/abc");

    [Fact]
    public async Task Every_client_method_sends_what_its_operation_declares()
    {
        await Client.GetMeAsync(cancellationToken: Ct);
        var subscription = await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, Hook, cancellationToken: Ct);
        await Client.UnsubscribeWebhookAsync(subscription.Value.Id, cancellationToken: Ct);
        await Client.GetRecentConversationTriggersAsync(2, ChattingEvent.TagAdded, cancellationToken: Ct);
        await Client.GetRecentContactTriggersAsync(2, cancellationToken: Ct);
        var contact = await Client.CreateContactAsync(new ChattingNewContact("wire@example.com"), cancellationToken: Ct);
        await Client.AddContactTagAsync(contact.Value.Id, "vip", cancellationToken: Ct);
        await Client.SendMessageAsync(ChattingSimulator.SeededConversationId, "Hello", cancellationToken: Ct);

        Assert.Equal(
            [
                "GET /api/zapier/me",
                "POST /api/zapier/webhooks/subscribe",
                $"DELETE /api/zapier/webhooks/{subscription.Value.Id}",
                "GET /api/zapier/conversations?limit=2&event=tag.added",
                "GET /api/zapier/contacts?limit=2",
                "POST /api/zapier/contacts",
                $"POST /api/zapier/contacts/{contact.Value.Id}/tags",
                $"POST /api/zapier/conversations/{ChattingSimulator.SeededConversationId}/messages",
            ],
            Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}{r.QueryString}"));
        Assert.Equal(3, Sim.Journal.Requests.Count(r => r.Headers.ContainsKey("Idempotency-Key")));
    }

    [Fact]
    public void Every_operation_has_one_Refit_method_with_its_method_and_path()
    {
        var operations = typeof(ChattingOperations).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (ApiOperation)f.GetValue(null)!)
            .ToList();
        var methods = typeof(IChattingApi).GetMethods()
            .Select(m => (Attribute: m.GetCustomAttribute<HttpMethodAttribute>()!, Keyed: m.GetParameters().Any(p => p.GetCustomAttribute<HeaderAttribute>()?.Header == "Idempotency-Key")))
            .ToList();

        Assert.Equal(8, operations.Count);
        Assert.Equal(
            operations.Select(o => $"{o.Method.Method} {o.PathTemplate} key={o.AcceptsIdempotencyKey}").Order(),
            methods.Select(m => $"{m.Attribute.Method.Method} {m.Attribute.Path} key={m.Keyed}").Order());
    }
}
