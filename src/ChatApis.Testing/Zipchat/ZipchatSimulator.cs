using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatApis.Testing.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatApis.Testing.Zipchat;

/// <summary>
/// A simulator of Zipchat's Backend API under <c>/api/integrations/backend_api/v1</c>: a seeded chat with
/// two assignable users and conversations on web, email, WhatsApp, Instagram and Messenger; conversation
/// lists wrapped in <c>conversations</c> and single conversations in <c>conversation</c> (with the expanded
/// lead and message pages); users; take-over (manual mode) and hand-back (AI mode); manual messages with
/// every documented 422, including Meta's 24-hour window measured on <see cref="SimulatorHost.Time"/>;
/// 404 for conversations and users of other chats; 422 for malformed timestamps and page numbers; and
/// 120 requests per 60 s per API key with <c>X-RateLimit-Limit/-Remaining/-Reset</c> on every
/// authenticated response and 429 beyond. Errors are <c>{"error": "&lt;the documented text&gt;"}</c> (the real
/// shape is not public). The <c>Date</c> header follows the simulator's clock, as a real server's follows its own.
/// </summary>
public sealed class ZipchatSimulator : SimulatorHost
{
    /// <summary>The API's path under the host: use <c>new Uri(sim.BaseAddress, ZipchatSimulator.ApiPath)</c> as the client's base address.</summary>
    public const string ApiPath = "api/integrations/backend_api/v1/";

    /// <summary>The API key of the seeded chat's integration.</summary>
    public const string ApiKey = "zc-sim_backend_api_key_chat_1";

    /// <summary>The seeded chat (the documents' example <c>chat_id</c>).</summary>
    public const long ChatId = 1;

    /// <summary>The chat owner: has an avatar.</summary>
    public const long OwnerUserId = 501;

    /// <summary>A chat participant without an avatar (<c>avatar_url</c> null).</summary>
    public const long ParticipantUserId = 502;

    /// <summary>The web conversation of the documents' example (id 12345, lead John Doe), in AI mode; one of its messages is a JSON block array.</summary>
    public const long WebConversationId = 12345;

    /// <summary>An email conversation the AI escalated 10 minutes before the simulator started, unresolved, in AI mode: the latest escalation.</summary>
    public const long EscalatedEmailConversationId = 12346;

    /// <summary>A WhatsApp conversation taken over by the owner; the customer wrote an hour ago, so the Meta window is open.</summary>
    public const long WhatsAppConversationId = 12347;

    /// <summary>An Instagram conversation taken over by the participant; the customer last wrote 30 hours ago, so the Meta window is closed.</summary>
    public const long StaleInstagramConversationId = 12348;

    /// <summary>A Messenger conversation without a lead, in AI mode.</summary>
    public const long MessengerConversationId = 12349;

    /// <summary>Another chat, with its own integration key.</summary>
    public const long OtherChatId = 2;

    /// <summary>The API key of <see cref="OtherChatId"/>'s integration.</summary>
    public const string OtherChatApiKey = "zc-sim_backend_api_key_chat_2";

    /// <summary>A user of <see cref="OtherChatId"/> only (404 from the seeded chat).</summary>
    public const long OtherChatUserId = 601;

    /// <summary>A conversation of <see cref="OtherChatId"/> only (404 from the seeded chat).</summary>
    public const long OtherChatConversationId = 22222;

    /// <summary>The documented budget per integration.</summary>
    public const int RateLimit = 120;

    private const string Prefix = "/api/integrations/backend_api/v1";
    private static readonly TimeSpan MetaReplyWindow = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly SimChat[] _chats;
    private SimulatorRateLimiter _limiter;
    private long _nextMessageId = 9000;
    private long _nextConversationId = 30000;
    private long _nextUserId = 700;

    /// <summary>Creates the simulator with its seeded data (times relative to the clock now); call <see cref="SimulatorHost.StartAsync"/> next.</summary>
    /// <param name="options">Port, clock and name.</param>
    public ZipchatSimulator(SimulatorHostOptions? options = null)
        : base(options)
    {
        var (chat, other) = ZipchatSeed.Create(Time.GetUtcNow(), NextMessageId);
        _chats = [chat, other];
        _limiter = new SimulatorRateLimiter(RateLimit, TimeSpan.FromSeconds(60), Time);
    }

    /// <summary>The rate limiter answering 429 (its <see cref="SimulatorRateLimiter.Rejections"/> count them).</summary>
    public SimulatorRateLimiter RateLimiter => Volatile.Read(ref _limiter);

    /// <summary>
    /// Replaces the documented budget (120 per 60 s, fixed windows) with another, e.g. 20 per 2 s so budget tests run
    /// in seconds, or a sliding window to check a client against both kinds of server.
    /// </summary>
    /// <param name="limit">Requests per window per API key.</param>
    /// <param name="window">The window length.</param>
    /// <param name="kind">Fixed or sliding windows.</param>
    public void UseRateLimit(int limit, TimeSpan window, SimulatorWindowKind kind = SimulatorWindowKind.Fixed) =>
        Volatile.Write(ref _limiter, new SimulatorRateLimiter(limit, window, Time, kind));

    /// <summary>The raw content of the seeded customer message that is a JSON-encoded block array (an image and a text).</summary>
    public static string BlockMessageContent => ZipchatSeed.ImageAndTextBlocks;

    /// <summary>A snapshot of a conversation of any chat.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="KeyNotFoundException">No such conversation.</exception>
    public ZipchatConversationState GetConversation(long conversationId)
    {
        lock (_gate)
        {
            var c = FindAnyConversation(conversationId);
            return new ZipchatConversationState(
                c.Id,
                c.ChatId,
                c.Channel,
                c.ManualReplyMode,
                c.Assignee?.Id,
                c.LastMessageAt,
                [.. c.Messages.Select(m => new ZipchatMessageState(m.Id, m.Role, m.Text, m.ManualReply, m.SenderId, m.CreatedAt))]);
        }
    }

    /// <summary>Adds a customer message (role <c>user</c>) created now on the simulator's clock, as if the customer wrote.</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="text">The raw message text.</param>
    /// <returns>The new message's id.</returns>
    public long AddCustomerMessage(long conversationId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_gate)
        {
            var id = NextMessageId();
            FindAnyConversation(conversationId).Add(new SimMessage(id, "user", text, false, null, null, Time.GetUtcNow()));
            return id;
        }
    }

    /// <summary>Adds <paramref name="count"/> customer messages one second apart, ending now on the simulator's clock (for message pagination).</summary>
    /// <param name="conversationId">The conversation id.</param>
    /// <param name="count">How many.</param>
    public void AddGeneratedMessages(long conversationId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var conversation = FindAnyConversation(conversationId);
            var now = Time.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                conversation.Add(new SimMessage(NextMessageId(), "user", $"Generated message {i + 1}", false, null, null, now.AddSeconds(i - count + 1)));
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> web conversations to the seeded chat, each older than the last (for pagination).</summary>
    /// <param name="count">How many.</param>
    public void AddGeneratedConversations(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            var now = Time.GetUtcNow();
            for (var i = 0; i < count; i++)
            {
                var at = now.AddDays(-2).AddMinutes(-i);
                var conversation = new SimConversation(++_nextConversationId, ChatId, "web", at);
                conversation.Add(new SimMessage(NextMessageId(), "user", $"Visitor {i + 1} says hi", false, null, null, at));
                _chats[0].Conversations.Add(conversation);
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> participants to the seeded chat (for pagination).</summary>
    /// <param name="count">How many.</param>
    public void AddGeneratedUsers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var id = ++_nextUserId;
                _chats[0].Users.Add(new SimUser(id, $"Agent {id}", $"agent{id}@shop.example", null));
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces => ZipchatCatalogEntry.Instance.Surfaces;

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix + "/chats/{chatId}");
        api.MapGet("/conversations", (HttpContext http, string chatId) => Handle(http, chatId, chat => ListConversations(http, chat)));
        api.MapGet("/conversations/{id}", (HttpContext http, string chatId, string id) => Handle(http, chatId, chat => ShowConversation(http, chat, id)));
        api.MapGet("/users", (HttpContext http, string chatId) => Handle(http, chatId, chat => ListUsers(http, chat)));
        api.MapGet("/users/{id}", (HttpContext http, string chatId, string id) => Handle(http, chatId, chat => ShowUser(chat, id)));
        api.MapPatch("/conversations/{id}/assignment", async (HttpContext http, string chatId, string id) =>
        {
            var body = await ReadBodyAsync(http).ConfigureAwait(false);
            return Handle(http, chatId, chat => UpdateAssignment(chat, id, body));
        });
        api.MapPost("/conversations/{id}/messages", async (HttpContext http, string chatId, string id) =>
        {
            var body = await ReadBodyAsync(http).ConfigureAwait(false);
            return Handle(http, chatId, chat => SendMessage(chat, id, body));
        });
    }

    private IResult Handle(HttpContext http, string chatId, Func<SimChat, IResult> handle)
    {
        http.Response.Headers.Date = Time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var header = http.Request.Headers.Authorization.ToString();
        var chat = header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? Array.Find(_chats, c => c.ApiKey == header["Bearer ".Length..])
            : null;
        if (chat is null)
        {
            return Error(401, "Unauthorized");
        }

        var limiter = RateLimiter;
        var decision = limiter.TryAcquire(chat.ApiKey);
        limiter.WriteHeaders(http.Response, decision);
        if (!decision.Allowed)
        {
            return Error(429, "Rate limit exceeded");
        }

        // An integration sees only its own chat, and never learns whether another chat exists.
        if (!long.TryParse(chatId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id != chat.Id)
        {
            return Error(404, "Chat not found");
        }

        lock (_gate)
        {
            return handle(chat);
        }
    }

    private static IResult ListConversations(HttpContext http, SimChat chat)
    {
        if (!TryPaging(http, "page", "per_page", 50, 100, out var page, out var perPage, out var error)
            || !TryTimestamp(http, "last_message_at_since", out var since, out error))
        {
            return error!;
        }

        var items = chat.Conversations
            .Where(c => since is null || c.LastMessageAt >= since)
            .OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)
            .Skip((page - 1) * perPage).Take(perPage)
            .Select(c => (JsonNode)ZipchatJson.Conversation(c, expanded: false));
        return Json(new JsonObject { ["conversations"] = ZipchatJson.Array(items) }.ToJsonString());
    }

    private static IResult ShowConversation(HttpContext http, SimChat chat, string id)
    {
        if (FindConversation(chat, id) is not { } conversation)
        {
            return Error(404, "Conversation not found");
        }

        if (!TryPaging(http, "message_page", "message_per_page", 100, 200, out var page, out var perPage, out var error)
            || !TryTimestamp(http, "message_created_at_since", out var since, out error))
        {
            return error!;
        }

        var json = ZipchatJson.Conversation(conversation, expanded: true);
        json["messages"] = ZipchatJson.Array(conversation.Messages
            .Where(m => since is null || m.CreatedAt >= since)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Skip((page - 1) * perPage).Take(perPage)
            .Select(m => (JsonNode)ZipchatJson.Message(m)));
        return Json(new JsonObject { ["conversation"] = json }.ToJsonString());
    }

    private static IResult ListUsers(HttpContext http, SimChat chat)
    {
        if (!TryPaging(http, "page", "per_page", 50, 100, out var page, out var perPage, out var error))
        {
            return error!;
        }

        var items = chat.Users.OrderBy(u => u.Id).Skip((page - 1) * perPage).Take(perPage).Select(u => (JsonNode)ZipchatJson.User(u));
        return Json(new JsonObject { ["users"] = ZipchatJson.Array(items) }.ToJsonString());
    }

    private static IResult ShowUser(SimChat chat, string id) =>
        ParseId(id) is { } userId && chat.FindUser(userId) is { } user
            ? Json(new JsonObject { ["user"] = ZipchatJson.User(user) }.ToJsonString())
            : Error(404, "User not found");

    private static IResult UpdateAssignment(SimChat chat, string id, JsonNode? body)
    {
        if (FindConversation(chat, id) is not { } conversation)
        {
            return Error(404, "Conversation not found");
        }

        if (body is not JsonObject json || !json.TryGetPropertyValue("assignee_id", out var assignee))
        {
            return Error(422, "assignee_id is required (use null to assign to AI)");
        }

        if (assignee is null)
        {
            conversation.Assignee = null;
            conversation.ManualReplyMode = false;
        }
        else if (IdOf(assignee) is { } userId && chat.FindUser(userId) is { } user)
        {
            conversation.Assignee = user;
            conversation.ManualReplyMode = true;
        }
        else
        {
            return Error(422, "assignee_id is not an assignable user for this chat");
        }

        return Json(new JsonObject { ["conversation"] = ZipchatJson.Conversation(conversation, expanded: false) }.ToJsonString());
    }

    private IResult SendMessage(SimChat chat, string id, JsonNode? body)
    {
        if (FindConversation(chat, id) is not { } conversation)
        {
            return Error(404, "Conversation not found");
        }

        var json = body as JsonObject;
        var text = json?["message"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Error(422, "message is required");
        }

        if (json!["sender_id"] is not { } senderNode)
        {
            return Error(422, "sender_id is required");
        }

        if (IdOf(senderNode) is not { } senderId || chat.FindUser(senderId) is null)
        {
            return Error(422, "sender_id is not an assignable user for this chat");
        }

        if (!conversation.ManualReplyMode)
        {
            return Error(422, "Conversation is in AI mode; assign it to a user before sending a manual message");
        }

        var now = Time.GetUtcNow();
        var lastCustomer = conversation.Messages.Where(m => m.Role == "user").Select(m => (DateTimeOffset?)m.CreatedAt).Max() ?? conversation.CreatedAt;
        if (conversation.IsMetaChannel && now - lastCustomer > MetaReplyWindow)
        {
            return Error(422, "Cannot send: customer last messaged more than 24 hours ago on a Meta channel");
        }

        var message = new SimMessage(NextMessageId(), "assistant", text, true, "sent", senderId, now);
        conversation.Add(message);
        return Json(new JsonObject { ["message"] = ZipchatJson.Message(message) }.ToJsonString(), 201);
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryPaging(HttpContext http, string pageName, string perPageName, int defaultPerPage, int maxPerPage, out int page, out int perPage, out IResult? error)
    {
        perPage = 0;
        if (!TryPositive(http, pageName, 1, out page) || !TryPositive(http, perPageName, defaultPerPage, out perPage))
        {
            error = Error(422, $"Invalid parameter: {(page == 0 ? pageName : perPageName)} must be a positive integer");
            return false;
        }

        // Like most Rails APIs, a page size above the maximum is capped rather than refused.
        perPage = Math.Min(perPage, maxPerPage);
        error = null;
        return true;
    }

    private static bool TryPositive(HttpContext http, string name, int fallback, out int value)
    {
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            value = fallback;
            return true;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            return true;
        }

        value = 0;
        return false;
    }

    private static bool TryTimestamp(HttpContext http, string name, out DateTimeOffset? value, out IResult? error)
    {
        value = null;
        error = null;
        var raw = http.Request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return true;
        }

        if (raw.Length >= 10 && char.IsAsciiDigit(raw[0])
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        error = Error(422, $"Invalid parameter: {name} must be an ISO 8601 timestamp");
        return false;
    }

    private static SimConversation? FindConversation(SimChat chat, string id) =>
        ParseId(id) is { } conversationId ? chat.FindConversation(conversationId) : null;

    private SimConversation FindAnyConversation(long id) =>
        _chats.Select(c => c.FindConversation(id)).FirstOrDefault(c => c is not null)
        ?? throw new KeyNotFoundException($"The simulator has no conversation {id}.");

    private static long? ParseId(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    // An id sent as a JSON number or, as Rails would accept, a numeric string.
    private static long? IdOf(JsonNode node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var id))
        {
            return id > 0 ? id : null;
        }

        return value.TryGetValue<string>(out var text) ? ParseId(text) : null;
    }

    private long NextMessageId() => Interlocked.Increment(ref _nextMessageId);

    private static IResult Error(int status, string text) => Json(ZipchatJson.Error(text), status);
}
