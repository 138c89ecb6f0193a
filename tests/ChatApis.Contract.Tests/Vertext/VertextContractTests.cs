using System.Net;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Vertext;

namespace ChatApis.Contract.Tests.Vertext;

/// <summary>Vertext Labs' public Zapier API (https://api.vertextlabs.com) against vertext-zapier-api.txt.</summary>
[ContractSurface(Surface.Vertext)]
public sealed partial class VertextContractTests : IClassFixture<ContractServer>, IDisposable
{
    /// <summary>"Authorization: Bearer youraccesstoken".</summary>
    private const string AccessToken = "youraccesstoken";
    private const string ChatbotId = "7a81c98d-12c9-4edf-a1ac-df136762d677";
    private const string SubscriptionChatbotId = "95c1dbaf-e291-43fc-a9b4-c48f1a86afeb";
    private const string SubscriptionId = "2e4459a9-bfd2-4e4b-b4ab-c35805cc0e20";
    private const string ZapierHook = "https://hooks.zapier.com/hooks/standard/12345678/45110d9a83444db193a48e561cdf9b40/";

    /// <summary>The document's obfuscated example email, verbatim (its space is a no-break space).</summary>
    private const string ProtectedEmail = "[email\u00a0protected]";

    private readonly ContractServer _server;
    private readonly Wire _wire;
    private readonly List<VertextClient> _clients = [];

    public VertextContractTests(ContractServer server)
    {
        _server = server;
        _wire = new Wire(server);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    [Covers("GET /chatbots/list", Aspect.Request | Aspect.Response)]
    public async Task List_chatbots_sends_page_and_per_page_and_reads_every_field()
    {
        var stub = _wire.Expect(Get("/chatbots/list").Query("page", "0").Query("per_page", "2"), Reply.Json(200, Doc("get-chatbots-list.response-200.json")));

        var page = await _wire.CallAsync(ct => Client().GetChatbotsPageAsync(0, 2, cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Collection(
            page.Value,
            demo => AssertDemoChatbot(demo),
            support =>
            {
                Assert.Equal("2b9e1f4a-8c21-4e3b-bc7a-5f2e8a1d1234", support.Id);
                Assert.Equal("SupportBot", support.Name);
                Assert.Equal("Chatbot for customer support.", support.Description);
                Assert.Equal("How can I assist you with your support needs today?", support.Prompt);
                Assert.Equal(0.5, support.Temperature);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751661350), support.CreatedAt);
                Assert.Equal("dae7cf95-1376-476a-b249-01b1cb2d3345", support.UserId);
                Assert.Equal(VertextChatbotStatus.Active, support.Status);
                Unmapped.None(support);
            });
    }

    [Fact]
    [Covers("GET /chatbots/list", Aspect.Request | Aspect.Response)]
    public async Task The_chatbot_resource_model_reads_through_the_list_with_the_default_page()
    {
        // A one-page call sends only what the caller gave: no page or per_page, so Vertext's defaults (0, 100) apply.
        var stub = _wire.Expect(Get("/chatbots/list"), Reply.Json(200, Fixture.AsArray(Doc("resource-models.chatbot.json"))));

        var page = await _wire.CallAsync(ct => Client().GetChatbotsPageAsync(cancellationToken: ct), stub);

        AssertDemoChatbot(Assert.Single(page.Value));
    }

    [Fact]
    [Covers("GET /contacts/{chatbot_id}", Aspect.Request | Aspect.Response)]
    public async Task List_contacts_sends_page_and_per_page_and_reads_a_widget_contact_with_empty_strings()
    {
        var stub = _wire.Expect(Get($"/contacts/{ChatbotId}").Query("page", "0").Query("per_page", "2"), Reply.Json(200, Doc("get-contacts.response-200.json")));

        var page = await _wire.CallAsync(ct => Client().GetContactsPageAsync(ChatbotId, 0, 2, cancellationToken: ct), stub);

        var contact = Assert.Single(page.Value);
        Assert.Equal("8fb610b3-a7d1-4407-9940-98bab3ffa8cc", contact.Id);
        Assert.Equal("", contact.Name);
        Assert.Equal("", contact.Email);
        Assert.Equal("", contact.Phone);
        Assert.Equal("", contact.Notes);
        Assert.Equal(VertextContactSource.Widget, contact.Source);
        Assert.Null(contact.MetaPsid);
        Assert.Equal("c8e5796b-13f5-470b-b92a-61f67fc2b3ff", contact.WidgetConversationId);
        Assert.True(contact.IsAutomationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755349448), contact.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755356254), contact.LastInteraction);
        Assert.Equal(ChatbotId, contact.ChatbotId);
        Assert.True(contact.IsUnread);
        Assert.Equal(VertextContactLifecycle.Lead, contact.Lifecycle);
        Assert.False(contact.IsFromMeta);
        Assert.True(contact.IsFromWidget);
        Unmapped.None(contact);
    }

    [Fact]
    [Covers("GET /contacts/{chatbot_id}", Aspect.Request | Aspect.Response)]
    public async Task The_contact_resource_model_reads_through_the_list_with_the_default_page()
    {
        // Nothing given, nothing sent: Vertext's documented defaults apply.
        var stub = _wire.Expect(Get($"/contacts/{ChatbotId}"), Reply.Json(200, Fixture.AsArray(Doc("resource-models.contact.json"))));

        var page = await _wire.CallAsync(ct => Client().GetContactsPageAsync(ChatbotId, cancellationToken: ct), stub);

        var contact = Assert.Single(page.Value);
        Assert.Equal("8f2c1a50-3c70-4e25-a903-da8995d244a3", contact.Id);
        Assert.Equal("John Doe", contact.Name);
        Assert.Equal(ProtectedEmail, contact.Email);
        Assert.Equal("555-1234", contact.Phone);
        Assert.Equal("", contact.Notes);
        Assert.Equal(VertextContactSource.Widget, contact.Source);
        Assert.Null(contact.MetaPsid);
        Assert.Equal("d39c8220-69ec-438b-8633-b9c827e976ca", contact.WidgetConversationId);
        Assert.True(contact.IsAutomationEnabled);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755605814), contact.FirstInteraction);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1755605815), contact.LastInteraction);
        Assert.Equal(ChatbotId, contact.ChatbotId);
        Assert.True(contact.IsUnread);
        Assert.Equal(VertextContactLifecycle.Lead, contact.Lifecycle);
        Unmapped.None(contact);
    }

    [Fact]
    [Covers("POST /chatbots/{chatbot_id}/zapier_subscriptions", Aspect.Request | Aspect.Response)]
    public async Task Create_subscription_posts_a_form_body_and_reads_201()
    {
        var stub = _wire.Expect(
            Post($"/chatbots/{SubscriptionChatbotId}/zapier_subscriptions").FormText(Doc("post-chatbots-zapier-subscriptions.request.form")),
            Reply.Json(201, Doc("post-chatbots-zapier-subscriptions.response-201.json")));

        var created = await _wire.CallAsync(ct => Client().SubscribeWebhookAsync(SubscriptionChatbotId, new Uri(ZapierHook), cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(SubscriptionId, created.Value.Id);
        Assert.Equal(new Uri(ZapierHook), created.Value.TargetUrl);
        Assert.Null(created.Value.EventName);
        var raw = Assert.IsType<VertextZapierSubscription>(created.Value.Raw);
        Assert.Equal(SubscriptionId, raw.Id);
        Assert.Equal(SubscriptionChatbotId, raw.ChatbotId);
        Assert.Equal(ZapierHook, raw.TargetUrl);
        Unmapped.None(raw);
    }

    [Fact]
    [Covers("DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}", Aspect.Request | Aspect.Response)]
    public async Task Delete_subscription_sends_both_ids_and_accepts_204_without_a_body()
    {
        var stub = _wire.Expect(ExpectedRequest.Delete($"/chatbots/{SubscriptionChatbotId}/zapier_subscriptions/{SubscriptionId}").Bearer(AccessToken), Reply.Empty(204));

        var deleted = await _wire.CallAsync(ct => Client().UnsubscribeWebhookAsync(SubscriptionChatbotId, SubscriptionId, cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private static string Doc(string name) => Fixture.Text("vertext", name);

    private static ExpectedRequest Get(string path) => ExpectedRequest.Get(path).Bearer(AccessToken);

    private static ExpectedRequest Post(string path) => ExpectedRequest.Post(path).Bearer(AccessToken);

    private static void AssertDemoChatbot(VertextChatbot demo)
    {
        Assert.Equal("7a81c98d-12c3-4edf-41ac-df1e6762d677", demo.Id);
        Assert.Equal("Demo", demo.Name);
        Assert.Equal("Chatbot used for internal testing.", demo.Description);
        Assert.Equal("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", demo.Prompt);
        Assert.Equal(0.7, demo.Temperature);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751661250), demo.CreatedAt);
        Assert.Equal("dae7cf95-1376-476a-b249-01b1cb2d3345", demo.UserId);
        Assert.Equal(VertextChatbotStatus.Active, demo.Status);
        Unmapped.None(demo);
    }

    private VertextClient Client()
    {
        var client = new VertextClient(new VertextClientOptions
        {
            AccessToken = AccessToken,
            BaseAddress = _server.Root,
            MaxRetries = 0,
            EnableRateLimiting = false,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(15),
        });
        _clients.Add(client);
        return client;
    }
}
