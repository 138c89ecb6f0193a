using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Http;
using ChatApis.Zipchat;

namespace ChatApis.Contract.Tests.Zipchat;

/// <summary>
/// Zipchat's Backend API against zipchat-backend-api.txt. The document lost every JSON example, so the
/// response bodies are built from the API notes' field tables and example values (Fixtures/README.md
/// says which value comes from where); paths, parameters, statuses and error texts are the document's.
/// </summary>
[ContractSurface(Surface.Zipchat)]
public sealed partial class ZipchatContractTests : IClassFixture<ContractServer>, IDisposable
{
    /// <summary>"Authorization: Bearer zc-your_api_key_here".</summary>
    private const string ApiKey = "zc-your_api_key_here";
    private const string Base = "/api/integrations/backend_api/v1/chats/1";

    /// <summary>"Every response includes rate limit headers": the window's limit (120), what is left, the reset as Unix seconds.</summary>
    private static readonly RateLimitInfo RateLimit = new(120, 119, DateTimeOffset.FromUnixTimeSeconds(1768474200));

    private readonly ContractServer _server;
    private readonly Wire _wire;
    private readonly List<ZipchatClient> _clients = [];

    public ZipchatContractTests(ContractServer server)
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
    [Covers("GET /chats/:chat_id/conversations", Aspect.Request | Aspect.Response)]
    public async Task List_conversations_without_paging_sends_none_so_the_documented_defaults_apply_and_reads_every_field()
    {
        // One-page methods send only what the caller gave: the server's documented defaults (page 1 of 50) apply.
        var stub = _wire.Expect(Get("/conversations"), Answer(200, Doc("list-conversations.response.json")));

        var page = await _wire.CallAsync(ct => Client().GetConversationsPageAsync(cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(RateLimit, page.RateLimit);
        Assert.Collection(page.Value.Conversations, AssertFirstListed, AssertSecondListed);
        Unmapped.None(page.Value);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/conversations", Aspect.Request)]
    public async Task List_conversations_sends_page_per_page_and_last_message_at_since()
    {
        var since = Iso8601.At("2026-01-15T09:45:00Z");
        var stub = _wire.Expect(
            Get("/conversations").Query("page", "3").Query("per_page", "100").QueryInstant("last_message_at_since", since),
            Answer(200, """{"conversations": []}"""));

        var page = await _wire.CallAsync(ct => Client().GetConversationsPageAsync(3, 100, since, cancellationToken: ct), stub);

        Assert.Empty(page.Value.Conversations);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/conversations/:id", Aspect.Request | Aspect.Response)]
    public async Task Get_conversation_reads_the_expanded_lead_and_every_message()
    {
        var stub = _wire.Expect(Get("/conversations/12345"), Answer(200, Doc("get-conversation.response.json")));

        var response = await _wire.CallAsync(ct => Client().GetConversationAsync(12345, cancellationToken: ct), stub);

        Assert.Equal(RateLimit, response.RateLimit);
        var conversation = response.Value;
        Assert.Equal(12345, conversation.Id);
        Assert.Equal(1, conversation.ChatId);
        Assert.Equal(Iso8601.At("2026-01-15T10:30:00Z"), conversation.CreatedAt);
        Assert.Equal(Iso8601.At("2026-01-15T10:45:00Z"), conversation.LastMessageAt);
        Assert.Equal(ConversationChannel.Web, conversation.Channel);
        Assert.False(conversation.ManualReplyMode);
        Assert.Equal(Iso8601.At("2026-01-15T10:40:00Z"), conversation.LastEscalatedAt);
        Assert.Equal(Iso8601.At("2026-01-15T10:44:00Z"), conversation.LastEscalationResolvedAt);
        Assert.False(conversation.HasOpenEscalation);
        Assert.Null(conversation.Assignee);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12345", conversation.ShareUrl);
        var lead = conversation.Lead;
        Assert.NotNull(lead);
        Assert.Equal(100, lead.Id);
        Assert.Equal("John Doe", lead.FullName);
        Assert.Equal("john@example.com", lead.Email);
        Assert.Equal("+1234567890", lead.PhoneNumber);
        Assert.True(lead.EmailMarketingConsent);
        Assert.Equal("John", lead.FirstName);
        Assert.Equal("Doe", lead.LastName);
        Assert.Equal("7390123456789", lead.ShopifyCustomerId);
        Assert.NotNull(lead.AdditionalAttributes);
        Assert.Equal(JsonValueKind.Object, lead.AdditionalAttributes.Value.ValueKind);
        Assert.Equal("gold", lead.AdditionalAttributes.Value.GetProperty("plan").GetString());
        Assert.Collection(
            conversation.Messages,
            m => AssertMessage(m, 501, MessageRole.User, "Hello, where is my order?", false, null, null, "2026-01-15T10:30:00Z"),
            m => AssertMessage(m, 502, MessageRole.Assistant, "<p>Let me check that for you.</p>", false, "delivered", null, "2026-01-15T10:30:05Z"),
            m =>
            {
                AssertMessage(m, 503, MessageRole.User, """[{"type":"image","source":{"url":"..."}},{"type":"text","text":"..."}]""", false, null, null, "2026-01-15T10:44:00Z");
                Assert.Collection(
                    m.GetBlocks(),
                    image => Assert.Equal("...", Assert.IsType<ImageMessageBlock>(image).Url),
                    text => Assert.Equal("...", Assert.IsType<TextMessageBlock>(text).Text));
            },
            m => AssertMessage(m, 504, MessageRole.Assistant, "A human here: it ships today.", true, null, 7, "2026-01-15T10:45:00Z"));
        Unmapped.None(conversation, lead);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/conversations/:id", Aspect.Request)]
    public async Task Get_conversation_sends_message_page_message_per_page_and_message_created_at_since()
    {
        var since = Iso8601.At("2026-01-15T10:44:00Z");
        var stub = _wire.Expect(
            Get("/conversations/12345").Query("message_page", "2").Query("message_per_page", "200").QueryInstant("message_created_at_since", since),
            Answer(200, Doc("get-conversation.response.json")));

        var response = await _wire.CallAsync(ct => Client().GetConversationAsync(12345, 2, 200, since, cancellationToken: ct), stub);

        Assert.Equal(4, response.Value.Messages.Count);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/conversations", Aspect.Response)]
    [Covers("GET /chats/:chat_id/conversations/:id", Aspect.Response)]
    public async Task Pagination_metadata_the_notes_call_unknown_is_kept_beside_the_typed_fields()
    {
        // API notes: "any pagination metadata beside it is unknown [gap]" (list) and "plus message
        // pagination metadata whose name is unknown [gap]" (conversation). These names are the tests' own.
        var list = JsonNode.Parse(Doc("list-conversations.response.json"))!.AsObject();
        list["meta"] = JsonNode.Parse("""{"page": 1, "per_page": 50, "total": 2}""");
        var details = JsonNode.Parse(Doc("get-conversation.response.json"))!.AsObject();
        details["message_pagination"] = JsonNode.Parse("""{"page": 1, "per_page": 100}""");
        var listed = _wire.Expect(Get("/conversations"), Answer(200, list.ToJsonString()));
        var detailed = _wire.Expect(Get("/conversations/12345"), Answer(200, details.ToJsonString()));

        var (page, conversation) = await _wire.CallAsync(
            async ct =>
            {
                var client = Client();
                return (await client.GetConversationsPageAsync(cancellationToken: ct), await client.GetConversationAsync(12345, cancellationToken: ct));
            },
            listed,
            detailed);

        Assert.Equal(2, page.Value.Conversations.Count);
        var meta = Assert.Single(page.Value.AdditionalProperties!);
        Assert.Equal("meta", meta.Key);
        Assert.Equal(2, meta.Value.GetProperty("total").GetInt32());
        Assert.Equal(4, conversation.Value.Messages.Count);
        var pagination = Assert.Single(conversation.Value.AdditionalProperties!);
        Assert.Equal("message_pagination", pagination.Key);
        Assert.Equal(100, pagination.Value.GetProperty("per_page").GetInt32());
    }

    [Fact]
    [Covers("GET /chats/:chat_id/users", Aspect.Request | Aspect.Response)]
    public async Task List_users_without_paging_sends_none_so_the_documented_defaults_apply_and_reads_ids_and_avatars()
    {
        var stub = _wire.Expect(Get("/users"), Answer(200, Doc("list-users.response.json")));

        var page = await _wire.CallAsync(ct => Client().GetUsersPageAsync(cancellationToken: ct), stub);

        Assert.Equal(RateLimit, page.RateLimit);
        AssertUsers(page.Value.Users);
        Unmapped.None(page.Value);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/users", Aspect.Response)]
    public async Task List_users_also_reads_a_bare_array_because_the_shape_is_not_public()
    {
        var users = JsonDocument.Parse(Doc("list-users.response.json")).RootElement.GetProperty("users").GetRawText();
        var stub = _wire.Expect(Get("/users").Query("page", "2").Query("per_page", "100"), Answer(200, users));

        var page = await _wire.CallAsync(ct => Client().GetUsersPageAsync(2, 100, cancellationToken: ct), stub);

        AssertUsers(page.Value.Users);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/users/:id", Aspect.Request | Aspect.Response)]
    public async Task Get_user_reads_the_user()
    {
        var stub = _wire.Expect(Get("/users/7"), Answer(200, Doc("get-user.response.json")));

        var user = await _wire.CallAsync(ct => Client().GetUserAsync(7, cancellationToken: ct), stub);

        Assert.Equal(RateLimit, user.RateLimit);
        Assert.Equal(7, user.Value.Id);
        Assert.Null(user.Value.AvatarUrl);
        Unmapped.None(user.Value);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/users/:id", Aspect.Response)]
    public async Task Get_user_also_reads_an_unwrapped_user_because_the_shape_is_not_public()
    {
        var stub = _wire.Expect(Get("/users/8"), Answer(200, """{"id": 8, "avatar_url": "https://app.zipchat.ai/avatars/8.png"}"""));

        var user = await _wire.CallAsync(ct => Client().GetUserAsync(8, cancellationToken: ct), stub);

        Assert.Equal(8, user.Value.Id);
        Assert.Equal("https://app.zipchat.ai/avatars/8.png", user.Value.AvatarUrl);
        Unmapped.None(user.Value);
    }

    [Fact]
    [Covers("PATCH /chats/:chat_id/conversations/:id/assignment", Aspect.Request | Aspect.Response)]
    public async Task Take_over_patches_the_assignee_id_and_reads_the_conversation_in_manual_mode()
    {
        var stub = _wire.Expect(
            Patch("/conversations/12345/assignment").Json(Doc("update-conversation-assignment.take-over.request.json")),
            Answer(200, Doc("update-conversation-assignment.response.json")));

        var response = await _wire.CallAsync(ct => Client().TakeOverConversationAsync(12345, 7, cancellationToken: ct), stub);

        Assert.Equal(RateLimit, response.RateLimit);
        var conversation = response.Value;
        Assert.Equal(12345, conversation.Id);
        Assert.Equal(1, conversation.ChatId);
        Assert.Equal(Iso8601.At("2026-01-15T10:30:00Z"), conversation.CreatedAt);
        Assert.Equal(Iso8601.At("2026-01-15T10:45:00Z"), conversation.LastMessageAt);
        Assert.Equal(ConversationChannel.Web, conversation.Channel);
        Assert.True(conversation.ManualReplyMode);
        Assert.Null(conversation.LastEscalatedAt);
        Assert.Null(conversation.LastEscalationResolvedAt);
        Assert.NotNull(conversation.Assignee);
        Assert.Equal(7, conversation.Assignee.Id);
        Assert.Null(conversation.Assignee.AvatarUrl);
        Assert.Equal("https://app.zipchat.ai/chats/1/conversations/12345", conversation.ShareUrl);
        Assert.Null(conversation.Lead);
        Unmapped.None(conversation, conversation.Assignee);
    }

    [Fact]
    [Covers("PATCH /chats/:chat_id/conversations/:id/assignment", Aspect.Request)]
    public async Task Hand_back_sends_an_explicit_null_assignee_id()
    {
        var stub = _wire.Expect(
            Patch("/conversations/12345/assignment").Json(Doc("update-conversation-assignment.hand-back.request.json")),
            Answer(200, Doc("update-conversation-assignment.response.json")));

        await _wire.CallAsync(ct => Client().HandBackToAiAsync(12345, cancellationToken: ct), stub);
    }

    [Fact]
    [Covers("POST /chats/:chat_id/conversations/:id/messages", Aspect.Request | Aspect.Response)]
    public async Task Send_manual_message_posts_message_and_sender_id_and_reads_the_message()
    {
        var stub = _wire.Expect(
            Post("/conversations/12345/messages").Json(Doc("send-manual-message.request.json")),
            Answer(201, Doc("send-manual-message.response.json")));

        var sent = await _wire.CallAsync(ct => Client().SendMessageAsync(12345, "Hi, a human here: let me check.", 7, cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(RateLimit, sent.RateLimit);
        AssertMessage(sent.Value, 505, MessageRole.Assistant, "Hi, a human here: let me check.", true, "sent", 7, "2026-01-15T10:46:00Z");
    }

    [Fact]
    [Covers("PATCH /chats/:chat_id/conversations/:id/assignment", Aspect.Request)]
    [Covers("POST /chats/:chat_id/conversations/:id/messages", Aspect.Request)]
    public async Task Take_over_reply_and_hand_back_is_exactly_three_requests_in_order()
    {
        // Examples: "Take over a conversation, reply, and hand it back to the AI".
        var takeOver = _wire.Expect(
            Patch("/conversations/12345/assignment").Json(Doc("update-conversation-assignment.take-over.request.json")),
            Answer(200, Doc("update-conversation-assignment.response.json")));
        var reply = _wire.Expect(Post("/conversations/12345/messages").Json(Doc("send-manual-message.request.json")), Answer(201, Doc("send-manual-message.response.json")));
        var handBack = _wire.Expect(
            Patch("/conversations/12345/assignment").Json(Doc("update-conversation-assignment.hand-back.request.json")),
            Answer(200, Doc("update-conversation-assignment.response.json")));

        await _wire.CallAsync(
            async ct =>
            {
                var client = Client();
                await client.TakeOverConversationAsync(12345, 7, cancellationToken: ct);
                await client.SendMessageAsync(12345, "Hi, a human here: let me check.", 7, cancellationToken: ct);
                return await client.HandBackToAiAsync(12345, cancellationToken: ct);
            },
            takeOver,
            reply,
            handBack);
    }

    private static string Doc(string name) => Fixture.Text("zipchat", name);

    private static ExpectedRequest Get(string path) => ExpectedRequest.Get(Base + path).Bearer(ApiKey);

    private static ExpectedRequest Post(string path) => ExpectedRequest.Post(Base + path).Bearer(ApiKey);

    private static ExpectedRequest Patch(string path) => ExpectedRequest.Patch(Base + path).Bearer(ApiKey);

    private static Reply Answer(int status, string body) => Reply.Json(status, body)
        .Header("X-RateLimit-Limit", "120")
        .Header("X-RateLimit-Remaining", "119")
        .Header("X-RateLimit-Reset", "1768474200");

    private ZipchatClient Client()
    {
        var client = new ZipchatClient(new ZipchatClientOptions
        {
            ApiKey = ApiKey,
            ChatId = 1,
            BaseAddress = _server.Base("api/integrations/backend_api/v1/"),
            MaxRetries = 0,
            EnableRateLimiting = false,
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(15),
        });
        _clients.Add(client);
        return client;
    }
}
