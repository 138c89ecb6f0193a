using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatApis.Testing.Catalog;
using ChatApis.Testing.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Testing.AssistLoop;

/// <summary>
/// A simulator of AssistLoop's automation API on both surfaces: Zapier under <c>/api/v1/...</c> and Make
/// under <c>/v1/...</c> (the Make-only organizations and agents only there), and <c>/oauth/token</c> at the
/// root. It runs the OAuth flow (authorize with a session cookie, one-time codes bound to client and
/// redirect URI, code exchange, refresh that rotates the refresh token and revokes the old pair, expiry on
/// <see cref="SimulatorHost.Time"/>), checks bearer tokens and their scopes (403 when one is missing),
/// serves the documents' examples verbatim as seed data, answers 422 for the documented validation errors
/// and 404 for unknown resources with <c>{"error", "message"}</c>, enforces 60 requests per minute per
/// connected account and 10 closes per minute (429 with <c>retry_after</c> and <c>Retry-After</c>), sets a
/// <c>Request-Id</c> on every response, and POSTs webhook deliveries to subscribers (3 retries with
/// exponential backoff on the simulator clock) when <see cref="StartConversation"/> or
/// <see cref="RequestHandoff"/> is called.
/// </summary>
/// <remarks>
/// Choices the documents leave open: reply and close need <c>write:conversations</c> (the scope that
/// "updates conversation status and response mode"); the Make organizations and agents need
/// <c>read:conversations</c>; <c>oauth/me</c> needs none. <c>created_from</c>/<c>created_to</c> are inclusive.
/// A webhook <c>target_url</c> must be HTTPS except on loopback, so a <see cref="WebhookReceiver"/> can subscribe.
/// Deliveries carry no signature header, as AssistLoop documents none.
/// </remarks>
public sealed partial class AssistLoopSimulator : SimulatorHost
{
    /// <summary>The registered OAuth client id.</summary>
    public const string ClientId = "al_sim_client";

    /// <summary>The registered OAuth client secret.</summary>
    public const string ClientSecret = "al_sim_client_secret";

    /// <summary>A registered redirect URI (the Zapier document's example).</summary>
    public const string ZapierRedirectUri = "https://zapier.com/dashboard/auth/oauth/return/App1234CLIAPI/";

    /// <summary>A registered redirect URI (the Make document's).</summary>
    public const string MakeRedirectUri = "https://www.integromat.com/oauth/cb/app";

    /// <summary>The session cookie of the logged-in user; the authorize endpoint requires it.</summary>
    public const string SessionCookie = "assistloop_session=sim_user_session";

    /// <summary>A seeded access token with every scope, valid for a year from the simulator's start time.</summary>
    public const string AccessToken = "al_sim_access_token";

    /// <summary>The refresh token paired with <see cref="AccessToken"/>.</summary>
    public const string RefreshToken = "def50200_sim_refresh_token";

    /// <summary>The scopes granted when none are requested.</summary>
    public const string DefaultScopes = "read:conversations read:messages manage:webhooks";

    /// <summary>Every documented scope.</summary>
    public const string AllScopes = "read:conversations read:messages manage:webhooks write:conversations";

    /// <summary>The agent of the documents' Zapier examples.</summary>
    public const string AgentUuid = "agt_abc123";

    /// <summary>The organization of the documents' webhook examples (owner of <see cref="AgentUuid"/>).</summary>
    public const string OrganizationUuid = "org_xyz789";

    /// <summary>The conversation of the documents' list, find, reply and close examples.</summary>
    public const string ConversationUuid = "550e8400-e29b-41d4-a716-446655440000";

    /// <summary>The first organization of the Make document's list.</summary>
    public const string MakeOrganizationUuid = "org_abc123xyz";

    /// <summary>The second organization of the Make document's list (no agents).</summary>
    public const string MakeSecondOrganizationUuid = "org_def456uvw";

    /// <summary>The first agent of the Make document's agent list.</summary>
    public const string MakeAgentUuid = "agent_abc123";

    /// <summary>The conversation of the Make document's dropdown example (agent <see cref="MakeAgentUuid"/>).</summary>
    public const string MakeConversationUuid = "conv_abc123xyz";

    /// <summary>The webhook retry delays: 3 retries with exponential backoff.</summary>
    public static readonly IReadOnlyList<TimeSpan> WebhookRetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private static readonly string[] KnownScopes = ["read:conversations", "read:messages", "manage:webhooks", "write:conversations"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimConversation> _conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AssistLoopSimulatorSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimRefresh> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimCode> _codes = new(StringComparer.Ordinal);
    private SimulatorRateLimiter _general;
    private readonly SimulatorRateLimiter _close;
    private long _sequence;
    private int _refreshCount;
    private string? _lastRequestId;

    /// <summary>Creates the simulator with its seeded data; call <see cref="SimulatorHost.StartAsync"/> next.</summary>
    /// <param name="options">Port, clock and name.</param>
    public AssistLoopSimulator(SimulatorHostOptions? options = null)
        : base(options)
    {
        _general = new SimulatorRateLimiter(60, TimeSpan.FromMinutes(1), Time);
        _close = new SimulatorRateLimiter(10, TimeSpan.FromMinutes(1), Time);
        Webhooks = new WebhookDispatcher(Time, WebhookRetryDelays);
        Seed();
    }

    /// <summary>The access-token lifetime the token endpoint grants, in seconds (<c>expires_in</c>; default one year).</summary>
    public long TokenLifetimeSeconds { get; set; } = 31_536_000;

    /// <summary>How many refresh grants succeeded (each rotated a refresh token).</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    /// <summary>The <c>Request-Id</c> of the latest response.</summary>
    public string? LastRequestId => Volatile.Read(ref _lastRequestId);

    /// <summary>The webhook deliveries (their attempts, and <see cref="WebhookDispatcher.WhenIdleAsync"/>).</summary>
    public WebhookDispatcher Webhooks { get; }

    /// <summary>The stored webhook subscriptions.</summary>
    public IReadOnlyCollection<AssistLoopSimulatorSubscription> Subscriptions
    {
        get { lock (_gate) { return [.. _subscriptions.Values]; } }
    }

    /// <summary>
    /// Replaces the documented general budget (60 requests a minute per connected account) with another, e.g. a
    /// larger one for tests about something else than the budget, or a short one so budget tests run in seconds.
    /// </summary>
    /// <param name="limit">Requests per window per connected account.</param>
    /// <param name="window">The window length.</param>
    /// <param name="kind">Fixed or sliding windows.</param>
    public void UseRateLimit(int limit, TimeSpan window, SimulatorWindowKind kind = SimulatorWindowKind.Fixed) =>
        Volatile.Write(ref _general, new SimulatorRateLimiter(limit, window, Time, kind));

    /// <summary>Issues a token pair directly (as if an authorization had happened) for a new connected account.</summary>
    /// <param name="scope">The granted scopes, space-separated.</param>
    /// <param name="expiresIn">The access token's lifetime; <see cref="TokenLifetimeSeconds"/> when null (may be negative: already expired).</param>
    /// <returns>The tokens.</returns>
    public AssistLoopSimulatorTokens IssueTokens(string scope = AllScopes, TimeSpan? expiresIn = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            return IssueLocked(NewId("acct_"), scope, expiresIn ?? TimeSpan.FromSeconds(TokenLifetimeSeconds));
        }
    }

    /// <summary>Revokes an access token, so the next request with it gets 401.</summary>
    /// <param name="accessToken">The token.</param>
    public void RevokeAccessToken(string accessToken)
    {
        lock (_gate) { _accessTokens.Remove(accessToken); }
    }

    /// <summary>Whether a refresh token is still valid (not yet rotated away).</summary>
    /// <param name="refreshToken">The token.</param>
    /// <returns><c>true</c> when it would be accepted.</returns>
    public bool IsRefreshTokenValid(string refreshToken)
    {
        lock (_gate) { return _refreshTokens.ContainsKey(refreshToken); }
    }

    /// <summary>A snapshot of a conversation, or <c>null</c> when there is none.</summary>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <returns>The snapshot.</returns>
    public AssistLoopConversationState? GetConversation(string conversationUuid)
    {
        lock (_gate)
        {
            return _conversations.TryGetValue(conversationUuid, out var c)
                ? new AssistLoopConversationState(c.Uuid, c.Agent.Uuid, c.IsOpen, c.ResponseMode, c.ClosedVia, c.Messages.Count)
                : null;
        }
    }

    /// <summary>The messages of a conversation as served (JSON), newest first.</summary>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <returns>The messages' JSON.</returns>
    public IReadOnlyList<string> GetMessages(string conversationUuid)
    {
        lock (_gate) { return [.. NewestFirst(_conversations[conversationUuid].Messages).Select(m => m.Json)]; }
    }

    /// <summary>Adds a customer message to a conversation at a chosen time (to build long histories), without any webhook.</summary>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <param name="content">The text.</param>
    /// <param name="createdAt">Its creation time.</param>
    /// <returns>The message id.</returns>
    public string AddGuestMessage(string conversationUuid, string content, DateTimeOffset createdAt)
    {
        lock (_gate)
        {
            var conversation = _conversations[conversationUuid];
            var name = conversation.ChatUser?["name"]?.GetValue<string>();
            return AddMessageLocked(conversation, content, "guest", null, name, createdAt).Id;
        }
    }

    /// <summary>
    /// A customer starts a conversation with an agent: the conversation and its first message are created
    /// and <c>new_conversation</c> is delivered to every matching subscription.
    /// </summary>
    /// <param name="agentUuid">The agent.</param>
    /// <param name="customerName">The customer's name (null for anonymous).</param>
    /// <param name="customerEmail">The customer's email (null for anonymous).</param>
    /// <param name="content">The first message.</param>
    /// <returns>The new conversation's UUID.</returns>
    public string StartConversation(string agentUuid, string? customerName, string? customerEmail, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        string payload;
        SimAgent agent;
        lock (_gate)
        {
            agent = _agents[agentUuid];
            var now = Time.GetUtcNow();
            var uuid = Guid.NewGuid().ToString();
            var json = new JsonObject
            {
                ["id"] = uuid,
                ["uuid"] = uuid,
                ["session_id"] = NewId("sess_"),
                ["response_mode"] = "ai",
                ["status"] = true,
                ["last_message_seen"] = false,
                ["deleted_at"] = null,
                ["chat_user"] = new JsonObject { ["name"] = customerName, ["email"] = customerEmail, ["country_code"] = null, ["chat_user_id"] = NewId("chu_") },
                ["created_at"] = MessageTime(now),
                ["updated_at"] = MessageTime(now),
            };
            var conversation = new SimConversation(uuid, agent, now, json.ToJsonString());
            _conversations[uuid] = conversation;
            var message = AddMessageLocked(conversation, content, "guest", null, customerName, now);
            payload = EventPayload("new_conversation", conversation, "initial_message", message, now);
            agent.Samples.Add(("new_conversation", payload));
            DispatchLocked(agent.Uuid, "new_conversation", payload);
            return uuid;
        }
    }

    /// <summary>
    /// The AI asks for a human: the customer's message is added, the conversation switches to human mode,
    /// and <c>human_handoff_required</c> is delivered to every matching subscription.
    /// </summary>
    /// <param name="conversationUuid">The conversation.</param>
    /// <param name="content">The customer's message that led to the handoff.</param>
    public void RequestHandoff(string conversationUuid, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var conversation = _conversations[conversationUuid];
            var now = Time.GetUtcNow();
            var name = conversation.ChatUser?["name"]?.GetValue<string>();
            var message = AddMessageLocked(conversation, content, "guest", null, name, now);
            conversation.Update(c =>
            {
                c["response_mode"] = "human";
                if (c.ContainsKey("updated_at"))
                {
                    c["updated_at"] = MessageTime(now);
                }
            });
            var payload = EventPayload("human_handoff_required", conversation, "last_message", message, now);
            conversation.Agent.Samples.Add(("human_handoff_required", payload));
            DispatchLocked(conversation.Agent.Uuid, "human_handoff_required", payload);
        }
    }

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter>(new RequestIdFilter(this));

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces => AssistLoopCatalogEntry.Instance.Surfaces;

    /// <inheritdoc />
    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        MapSurface(routes.MapGroup("/api/v1"));
        MapSurface(routes.MapGroup("/v1"));
        routes.MapGet("/v1/my/organizations", (HttpContext http) => Api(http, "read:conversations", false, _ => Json(AssistLoopSeed.Organizations)));
        routes.MapGet("/v1/organizations/{organizationUuid}/agents", (HttpContext http, string organizationUuid) => Api(http, "read:conversations", false, _ => Agents(organizationUuid)));
        routes.MapPost("/oauth/token", Run(TokenAsync));
    }

    // The same API on both surfaces; the Make-only routes are mapped under /v1 alone.
    private void MapSurface(IEndpointRouteBuilder group)
    {
        group.MapPost("/oauth/authorize", Run(AuthorizeAsync));
        group.MapGet("/oauth/me", (HttpContext http) => Api(http, null, false, _ => Json(AssistLoopSeed.Me)));
        group.MapPost("/webhooks/subscribe", Run(http => ApiAsync(http, "manage:webhooks", false, Subscribe)));
        group.MapDelete("/webhooks/unsubscribe/{id}", (HttpContext http, string id) => Api(http, "manage:webhooks", false, _ => Unsubscribe(id)));
        group.MapGet("/automation/agents/{agentUuid}/conversations/list", (HttpContext http, string agentUuid) => Api(http, "read:conversations", false, _ => ListConversations(http, agentUuid)));
        group.MapGet("/automation/agents/{agentUuid}/conversations/recent-sample", (HttpContext http, string agentUuid) => Api(http, "read:conversations", false, _ => RecentSample(http, agentUuid)));
        group.MapPost("/automation/conversations/{conversationUuid}/close", (HttpContext http, string conversationUuid) => ApiAsync(http, "write:conversations", true, body => Close(conversationUuid, body)));
        group.MapGet("/automation/conversations/{conversationUuid}/messages/find", (HttpContext http, string conversationUuid) => Api(http, "read:messages", false, _ => FindMessages(http, conversationUuid)));
        group.MapPost("/automation/conversations/{conversationUuid}/reply", (HttpContext http, string conversationUuid) => ApiAsync(http, "write:conversations", false, body => Reply(conversationUuid, body)));
    }

    // Handlers that take only the HttpContext are RequestDelegates, which would drop a returned result.
    private static RequestDelegate Run(Func<HttpContext, Task<IResult>> handler) =>
        async http => await (await handler(http).ConfigureAwait(false)).ExecuteAsync(http).ConfigureAwait(false);

    private void Seed()
    {
        var example = new SimAgent(AgentUuid, "Customer Support Agent", OrganizationUuid, "Acme Corporation");
        var support = new SimAgent(MakeAgentUuid, "Support Bot", MakeOrganizationUuid, "Acme Corp");
        var sales = new SimAgent("agent_def456", "Sales Assistant", MakeOrganizationUuid, "Acme Corp");
        foreach (var agent in new[] { example, support, sales })
        {
            _agents[agent.Uuid] = agent;
        }

        var conversation = new SimConversation(ConversationUuid, example, DateTimeOffset.Parse("2025-01-20T16:00:00+00:00", CultureInfo.InvariantCulture), AssistLoopSeed.Conversation);
        conversation.Messages.Add(new SimMessage("msg_abc123", DateTimeOffset.Parse("2025-01-20T16:00:00Z", CultureInfo.InvariantCulture), ++_sequence, AssistLoopSeed.GuestMessage));
        conversation.Messages.Add(new SimMessage("msg_abc124", DateTimeOffset.Parse("2025-01-20T16:00:15Z", CultureInfo.InvariantCulture), ++_sequence, AssistLoopSeed.AgentMessage));
        _conversations[conversation.Uuid] = conversation;
        _conversations[MakeConversationUuid] = new SimConversation(MakeConversationUuid, support, DateTimeOffset.Parse("2024-11-12T10:30:00Z", CultureInfo.InvariantCulture), AssistLoopSeed.MakeConversation);

        example.Samples.Add(("new_conversation", AssistLoopSeed.NewConversationSample));
        example.Samples.Add(("human_handoff_required", HandoffVariant(AssistLoopSeed.NewConversationSample)));

        var seeded = new SimGrant(NewId("acct_"), AllScopes, Time.GetUtcNow().AddSeconds(TokenLifetimeSeconds), RefreshToken);
        _accessTokens[AccessToken] = seeded;
        _refreshTokens[RefreshToken] = new SimRefresh(AccessToken, seeded.Family, seeded.Scope);
    }

    private SimMessage AddMessageLocked(SimConversation conversation, string content, string type, string? responderType, string? senderName, DateTimeOffset at)
    {
        var id = NewId("msg_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["uuid"] = Guid.NewGuid().ToString(),
            ["content"] = content,
            ["type"] = type,
            ["is_read"] = null,
            ["status"] = null,
            ["responder_type"] = responderType,
            ["emailed_at"] = null,
            ["email_seen"] = false,
            ["email_opened_at"] = null,
            ["via"] = "web",
            ["created_at"] = MessageTime(at),
            ["user_feedback"] = null,
            ["sender_name"] = senderName,
            ["attachments"] = new JsonArray(),
        };
        var message = new SimMessage(id, at, ++_sequence, json.ToJsonString());
        conversation.Messages.Add(message);
        return message;
    }

    private static string EventPayload(string type, SimConversation conversation, string messageProperty, SimMessage message, DateTimeOffset at)
    {
        var m = JsonNode.Parse(message.Json)!;
        var user = conversation.ChatUser;
        var payload = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["event"] = type,
            ["timestamp"] = EventTime(at),
            ["data"] = new JsonObject
            {
                ["conversation"] = new JsonObject
                {
                    ["uuid"] = conversation.Uuid,
                    ["status"] = conversation.IsOpen,
                    ["response_mode"] = conversation.ResponseMode,
                    ["created_at"] = EventTime(conversation.CreatedAt),
                },
                ["agent"] = new JsonObject { ["uuid"] = conversation.Agent.Uuid, ["name"] = conversation.Agent.Name },
                ["chat_user"] = new JsonObject { ["name"] = user?["name"]?.DeepClone(), ["email"] = user?["email"]?.DeepClone() },
                ["organization"] = new JsonObject { ["uuid"] = conversation.Agent.OrganizationUuid, ["name"] = conversation.Agent.OrganizationName },
                [messageProperty] = new JsonObject
                {
                    ["uuid"] = m["uuid"]!.DeepClone(),
                    ["content"] = m["content"]!.DeepClone(),
                    ["type"] = m["type"]!.DeepClone(),
                    ["created_at"] = EventTime(message.CreatedAt),
                },
            },
        };
        return payload.ToJsonString();
    }

    // "initial_message becomes last_message and the event field is set to human_handoff_required."
    private static string HandoffVariant(string sample)
    {
        var node = JsonNode.Parse(sample)!.AsObject();
        node["event"] = "human_handoff_required";
        var data = node["data"]!.AsObject();
        var message = data["initial_message"]!.DeepClone();
        data.Remove("initial_message");
        data["last_message"] = message;
        data["conversation"]!["response_mode"] = "human";
        return node.ToJsonString();
    }

    private void DispatchLocked(string agentUuid, string type, string payload)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.AgentUuid == agentUuid && subscription.Event == type)
            {
                Webhooks.Enqueue(subscription.TargetUrl, payload);
            }
        }
    }

    private static IEnumerable<SimMessage> NewestFirst(IEnumerable<SimMessage> messages) =>
        messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Sequence);

    private static string MessageTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string EventTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static IResult Error(int status, string error, string message) =>
        Json(new JsonObject { ["error"] = error, ["message"] = message }.ToJsonString(), status);

    // Sets a Request-Id on every response, before the journal, faults or routes see the request.
    private sealed class RequestIdFilter(AssistLoopSimulator simulator) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var id = "req_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
                context.Response.Headers["Request-Id"] = id;
                Volatile.Write(ref simulator._lastRequestId, id);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
