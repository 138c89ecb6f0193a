using System.Net;
using System.Text.Json;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.Chatting;

/// <summary>Chatting's Zapier API (https://usechatting.com/api/zapier) against chatting-zapier-api.txt.</summary>
[ContractSurface(Surface.Chatting)]
public sealed partial class ChattingContractTests : IClassFixture<ContractServer>, IDisposable
{
    /// <summary>The document's example key ("X-API-Key: chatting_live_...").</summary>
    private const string ApiKey = "chatting_live_...";

    /// <summary>The document's example "Idempotency-Key: 0b0e6a45-92b4-4da0-b0a9-6e612a8d02fa".</summary>
    private const string IdempotencyKey = "0b0e6a45-92b4-4da0-b0a9-6e612a8d02fa";

    private readonly ContractServer _server;
    private readonly Wire _wire;
    private readonly List<ChattingClient> _clients = [];

    public ChattingContractTests(ContractServer server)
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
    [Covers("GET /api/zapier/me", Aspect.Request | Aspect.Response)]
    public async Task Me_sends_the_api_key_and_reads_the_workspace()
    {
        var stub = _wire.Expect(Get("/me"), Reply.Json(200, Doc("base-url-and-response-format.get-me-200.json")));

        var me = await _wire.CallAsync(ct => Client().GetMeAsync(cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.True(me.Value.Ok);
        Assert.Equal("owner_123", me.Value.WorkspaceId);
        Assert.Equal("Acme Team", me.Value.TeamName);
        Assert.Equal("owner@example.com", me.Value.OwnerEmail);
        Unmapped.None(me.Value);
    }

    [Fact]
    [Covers("GET /api/zapier/me", Aspect.Errors)]
    public async Task The_documented_401_is_an_authentication_error_with_the_code()
    {
        var body = Doc("base-url-and-response-format.get-me-401.json");
        var stub = _wire.Expect(Get("/me"), Reply.Json(401, body));

        var error = await _wire.FailsAsync<ChatApiAuthenticationException>(ct => Client().GetMeAsync(cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("api-key-missing", error.ErrorCode);
        Assert.Equal(ChattingErrorCode.ApiKeyMissing, error.GetChattingErrorCode());
        Assert.Contains("api-key-missing", error.Message, StringComparison.Ordinal);
        Assert.Null(error.RequestId);
        Assert.Equal("Chatting", error.Vendor);
        Assert.Equal(body, error.RawBody);
    }

    [Fact]
    [Covers("POST /api/zapier/webhooks/subscribe", Aspect.Request | Aspect.Response)]
    public async Task Subscribe_posts_event_and_target_url_without_an_idempotency_key_and_reads_201()
    {
        var stub = _wire.Expect(
            Post("/webhooks/subscribe").Json(Doc("trigger-subscriptions.subscribe.request.json")).NoHeader("Idempotency-Key").NoHeader("X-Idempotency-Key"),
            Reply.Json(201, Doc("trigger-subscriptions.subscribe-201.json")));

        var subscribed = await _wire.CallAsync(
            ct => Client().SubscribeWebhookAsync(ChattingEvent.ConversationCreated, new Uri("https://hooks.zapier.com/hooks/catch/123/abc"), cancellationToken: ct),
            stub);

        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        Assert.Equal("wh_123", subscribed.Value.Id);
        Assert.Equal("conversation.created", subscribed.Value.EventName);
        Assert.Null(subscribed.Value.TargetUrl);
        var raw = Assert.IsType<ChattingWebhookSubscription>(subscribed.Value.Raw);
        Assert.True(raw.Ok);
        Assert.Equal("wh_123", raw.Id);
        Assert.Equal(ChattingEvent.ConversationCreated, raw.Event);
        Assert.True(raw.Active);
        Unmapped.None(raw);
    }

    [Fact]
    [Covers("DELETE /api/zapier/webhooks/{id}", Aspect.Request | Aspect.Response)]
    public async Task Unsubscribe_deletes_by_id_and_reads_inactive()
    {
        var stub = _wire.Expect(Delete("/webhooks/wh_123"), Reply.Json(200, Doc("trigger-subscriptions.unsubscribe-200.json")));

        var answer = await _wire.CallAsync(ct => Client().UnsubscribeWebhookAsync("wh_123", cancellationToken: ct), stub);

        // UnsubscribeWebhookAsync answers ApiResponse; Chatting's body is still read and handed out.
        var result = Assert.IsType<ApiResponse<ChattingWebhookUnsubscription>>(answer);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(result.Value.Ok);
        Assert.Equal("wh_123", result.Value.Id);
        Assert.False(result.Value.Active);
        Unmapped.None(result.Value);
    }

    [Fact]
    [Covers("POST /api/zapier/contacts", Aspect.Request | Aspect.Response)]
    public async Task Create_contact_posts_every_documented_field_with_the_idempotency_key_and_reads_201()
    {
        var stub = _wire.Expect(
            Post("/contacts").Json(Doc("action-endpoints.create-contact.request.json")).Header("Idempotency-Key", IdempotencyKey).NoHeader("X-Idempotency-Key"),
            Reply.Json(201, Doc("action-endpoints.create-contact-201.json")));
        var contact = new ChattingNewContact("lead@example.com")
        {
            Name = "Ava Brooks",
            Phone = "+1 555 111 2222",
            Company = "Acme",
            Status = "lead",
            Tags = ["vip", "demo"],
            CustomFields = new Dictionary<string, string> { ["crm_owner"] = "tina" },
        };

        var created = await _wire.CallAsync(ct => Client().CreateContactAsync(contact, new RequestOptions { IdempotencyKey = IdempotencyKey }, ct), stub);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(IdempotencyKey, created.IdempotencyKey);
        Assert.True(created.Value.Ok);
        Assert.Equal("contact_123", created.Value.Id);
        Assert.Equal("lead@example.com", created.Value.Email);
        Assert.Equal("Ava Brooks", created.Value.Name);
        Assert.Equal(Iso8601.At("2026-04-09T00:00:00.000Z"), created.Value.CreatedAt);
        Unmapped.None(created.Value);
    }

    [Fact]
    [Covers("POST /api/zapier/contacts/{id}/tags", Aspect.Request | Aspect.Response)]
    public async Task Add_tag_posts_the_tag_with_the_idempotency_key_and_reads_it_back()
    {
        var stub = _wire.Expect(
            Post("/contacts/contact_123/tags").Json(Doc("action-endpoints.add-tag.request.json")).Header("Idempotency-Key", IdempotencyKey),
            Reply.Json(200, Doc("action-endpoints.add-tag-200.json")));

        var tagged = await _wire.CallAsync(ct => Client().AddContactTagAsync("contact_123", "vip", new RequestOptions { IdempotencyKey = IdempotencyKey }, ct), stub);

        Assert.Equal(HttpStatusCode.OK, tagged.StatusCode);
        Assert.True(tagged.Value.Ok);
        Assert.Equal("contact_123", tagged.Value.Id);
        Assert.Equal("vip", tagged.Value.Tag);
        Unmapped.None(tagged.Value);
    }

    [Fact]
    [Covers("POST /api/zapier/conversations/{id}/messages", Aspect.Request | Aspect.Response)]
    public async Task Send_message_as_system_posts_message_and_sender_and_reads_201()
    {
        var stub = _wire.Expect(
            Post("/conversations/conv_123/messages").Json(Doc("action-endpoints.send-message.request.json")).Header("Idempotency-Key", IdempotencyKey),
            Reply.Json(201, Doc("action-endpoints.send-message-201.json")));

        var sent = await _wire.CallAsync(ct => Client().SendMessageAsync("conv_123", "Thanks, we got your message.", asSystem: true, new RequestOptions { IdempotencyKey = IdempotencyKey }, ct), stub);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.True(sent.Value.Ok);
        Assert.Equal("msg_123", sent.Value.Id);
        Assert.Equal("conv_123", sent.Value.ConversationId);
        Assert.Equal(ChattingMessageSender.System, sent.Value.Sender);
        Assert.Equal(Iso8601.At("2026-04-09T00:00:00.000Z"), sent.Value.CreatedAt);
        Unmapped.None(sent.Value);
    }

    [Fact]
    [Covers("POST /api/zapier/conversations/{id}/messages", Aspect.Request)]
    public async Task Send_message_without_the_optional_sender_leaves_it_out()
    {
        var stub = _wire.Expect(
            Post("/conversations/conv_123/messages").Json("""{"message": "Thanks, we got your message."}""").Header("Idempotency-Key", IdempotencyKey),
            Reply.Json(201, Doc("action-endpoints.send-message-201.json")));

        var sent = await _wire.CallAsync(ct => Client().SendMessageAsync("conv_123", "Thanks, we got your message.", options: new RequestOptions { IdempotencyKey = IdempotencyKey }, cancellationToken: ct), stub);

        Assert.Equal("msg_123", sent.Value.Id);
    }

    private static string Doc(string name) => Fixture.Text("chatting", name);

    private static ExpectedRequest Get(string path) => ExpectedRequest.Get("/api/zapier" + path).ApiKey("X-API-Key", ApiKey);

    private static ExpectedRequest Post(string path) => ExpectedRequest.Post("/api/zapier" + path).ApiKey("X-API-Key", ApiKey);

    private static ExpectedRequest Delete(string path) => ExpectedRequest.Delete("/api/zapier" + path).ApiKey("X-API-Key", ApiKey);

    private static void AssertRawJson(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(e.RootElement, a.RootElement), $"Expected {expected} but was {actual}");
    }

    private ChattingClient Client()
    {
        var client = new ChattingClient(new ChattingClientOptions
        {
            ApiKey = ApiKey,
            BaseAddress = _server.Base("api/zapier/"),
            MaxRetries = 0,
            EnableRateLimiting = false,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(15),
        });
        _clients.Add(client);
        return client;
    }
}
