using System.Text.Json.Nodes;
using ChatApis.Testing.Catalog;
using ChatApis.Testing.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApis.Testing.Chatting;

/// <summary>
/// A simulator of Chatting's Zapier API (<c>https://usechatting.com/api/zapier</c>; point a client at
/// <c>new Uri(sim.BaseAddress, "api/zapier/")</c>): the <c>{"ok": ...}</c> envelope and every error code with
/// its status, <c>api-key-missing</c> vs <c>api-key-invalid</c>, idempotency per API key
/// (<c>Idempotency-Key</c> or <c>X-Idempotency-Key</c>: same request replayed, another body 409), subscribe
/// as an upsert, soft unsubscribe, bare-array samples with the limit clamped to 1..50, and trigger payloads
/// POSTed to active subscriptions (retried after 1 and 5 minutes of <see cref="SimulatorHost.Time"/> on
/// network errors, 408, 429 and 5xx).
/// </summary>
/// <remarks>
/// Seeded from the documents: the workspace of <c>GET /me</c>, contact <c>contact_123</c>
/// (<c>lead@example.com</c>, created 2026-04-09T00:00:00.000Z), conversations <c>conv_123</c> and
/// <c>conv_abc123</c>, and the four sample trigger payloads. Ids continue from the documents' examples, so
/// the first subscription is <c>wh_123</c> and the first message <c>msg_123</c>. The simulator's own
/// choices where the documents are silent: contacts created through the API have <c>source</c>
/// <c>zapier</c>, a tag added to a contact is reported on that contact's latest conversation (by visitor
/// email) as added by the workspace owner, and an existing email answers 201 with the stored contact.
/// </remarks>
public sealed partial class ChattingSimulator : SimulatorHost
{
    /// <summary>The API key of the seeded workspace (<see cref="WorkspaceId"/>).</summary>
    public const string ApiKey = "ck_live_5f0c3a9e8b7d4c21a0e6f1b2c3d4e5f6";

    /// <summary>The API key of a workspace with no primary site: creating a contact answers 409 <c>workspace-site-missing</c>.</summary>
    public const string NoSiteApiKey = "ck_live_9a8b7c6d5e4f30211203948576afbecd";

    /// <summary>The seeded workspace (the documents' <c>GET /me</c> example).</summary>
    public const string WorkspaceId = "owner_123";

    /// <summary>The workspace behind <see cref="NoSiteApiKey"/>.</summary>
    public const string NoSiteWorkspaceId = "owner_456";

    /// <summary>The seeded contact of the documents' examples.</summary>
    public const string SeededContactId = "contact_123";

    /// <summary>The seeded contact's email.</summary>
    public const string SeededContactEmail = "lead@example.com";

    /// <summary>The seeded conversation of the documents' send-message example.</summary>
    public const string SeededConversationId = "conv_123";

    /// <summary>The conversation of the documents' sample trigger payloads (resolved, tagged <c>vip</c>).</summary>
    public const string SampleConversationId = "conv_abc123";

    /// <summary>A contact on another workspace's site: adding a tag to it answers 403 <c>contact-site-forbidden</c>.</summary>
    public const string ForeignContactId = "contact_900";

    private static readonly string[] ContactFailureCodes = ["contact-not-found", "contact-site-forbidden", "contact-save-failed"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ChattingWorkspace> _workspaces = new(StringComparer.Ordinal);
    private readonly List<SimulatedContact> _contacts = [];
    private readonly List<SimulatedConversation> _conversations = [];
    private readonly List<SimulatedMessage> _messages = [];
    private readonly List<SimulatedSubscription> _subscriptions = [];
    private readonly List<(string WorkspaceId, string Event, string Json)> _triggers = [];
    private readonly ChattingIdempotencyStore _idempotency = new();
    private readonly Queue<string> _contactFailures = new();
    private readonly WebhookDispatcher _dispatcher;
    private int _subscribeFailures;
    private int _contactWrites;
    private int _nextContact = 124;
    private int _nextConversation = 124;
    private int _nextMessage = 123;
    private int _nextWebhook = 123;

    /// <summary>Creates the simulator with its seeded data; call <see cref="SimulatorHost.StartAsync"/> next.</summary>
    /// <param name="options">Port, clock and name.</param>
    public ChattingSimulator(SimulatorHostOptions? options = null)
        : base(options)
    {
        _dispatcher = new WebhookDispatcher(Time, DeliveryRetryDelays);
        _workspaces[ApiKey] = new ChattingWorkspace(WorkspaceId, "Acme Team", "owner@example.com", HasPrimarySite: true);
        _workspaces[NoSiteApiKey] = new ChattingWorkspace(NoSiteWorkspaceId, "Side Project", "solo@example.com", HasPrimarySite: false);
        Seed();
    }

    /// <summary>The waits before the retries of a failed delivery: 1 and 5 minutes.</summary>
    public static IReadOnlyList<TimeSpan> DeliveryRetryDelays { get; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)];

    /// <summary>The seeded workspace.</summary>
    public ChattingWorkspace Workspace => _workspaces[ApiKey];

    /// <summary>The contacts stored, in creation order.</summary>
    public IReadOnlyList<SimulatedContact> Contacts => Snapshot(_contacts);

    /// <summary>The conversations, in creation order.</summary>
    public IReadOnlyList<SimulatedConversation> Conversations => Snapshot(_conversations);

    /// <summary>The messages posted through the API, in order.</summary>
    public IReadOnlyList<SimulatedMessage> Messages => Snapshot(_messages);

    /// <summary>The subscriptions (inactive ones included), in creation order.</summary>
    public IReadOnlyList<SimulatedSubscription> Subscriptions => Snapshot(_subscriptions);

    /// <summary>How many create-contact requests were acted on (replays and rejected requests not counted).</summary>
    public int ContactWrites
    {
        get
        {
            lock (_lock)
            {
                return _contactWrites;
            }
        }
    }

    /// <summary>How many requests were answered from the idempotency store.</summary>
    public int IdempotentReplays
    {
        get
        {
            lock (_lock)
            {
                return _idempotency.Replays;
            }
        }
    }

    /// <summary>Every trigger delivery attempt so far, in order.</summary>
    public IReadOnlyList<WebhookAttempt> DeliveryAttempts => _dispatcher.Attempts;

    /// <summary>Waits until every trigger delivery started so far has been delivered or given up.</summary>
    /// <returns>A task that completes when no delivery is in flight.</returns>
    public Task WhenDeliveriesIdleAsync() => _dispatcher.WhenIdleAsync();

    /// <summary>Makes the next create-contact request of any workspace fail the way Chatting can.</summary>
    /// <param name="errorCode">
    /// <c>contact-not-found</c> (404: the contact is saved but not loaded back), <c>contact-site-forbidden</c>
    /// (403) or <c>contact-save-failed</c> (500); both of the latter save nothing.
    /// </param>
    public void FailNextContactCreate(string errorCode)
    {
        if (!ContactFailureCodes.Contains(errorCode))
        {
            throw new ArgumentException($"errorCode must be one of {string.Join(", ", ContactFailureCodes)}.", nameof(errorCode));
        }

        lock (_lock)
        {
            _contactFailures.Enqueue(errorCode);
        }
    }

    /// <summary>Makes the next subscribe request answer 500 <c>subscription-save-failed</c>.</summary>
    public void FailNextSubscribe()
    {
        lock (_lock)
        {
            _subscribeFailures++;
        }
    }

    /// <summary>A visitor starts a conversation in the seeded workspace: sends <c>conversation.created</c>.</summary>
    /// <param name="visitorEmail">The visitor's email, if known.</param>
    /// <param name="visitorName">The visitor's name, if known.</param>
    /// <param name="pageUrl">The page the visitor wrote from.</param>
    /// <param name="firstMessage">The visitor's first message.</param>
    /// <returns>The new conversation's id.</returns>
    public string StartConversation(string? visitorEmail, string? visitorName, string? pageUrl, string firstMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(firstMessage);
        lock (_lock)
        {
            var conversation = new SimulatedConversation(
                $"conv_{_nextConversation++}", WorkspaceId, visitorEmail, visitorName, pageUrl, firstMessage, [], 1, Time.GetUtcNow(), null);
            _conversations.Add(conversation);
            Emit(WorkspaceId, "conversation.created", ChattingTriggerPayload.Build(
                "conversation.created",
                conversation.StartedAt,
                ("conversation_id", conversation.Id),
                ("visitor_email", visitorEmail),
                ("visitor_name", visitorName),
                ("page_url", pageUrl),
                ("first_message", firstMessage),
                ("tags", new JsonArray()),
                ("assigned_to", null)));
            return conversation.Id;
        }
    }

    /// <summary>Resolves a conversation: sends <c>conversation.resolved</c>.</summary>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="resolvedBy">Who resolved it; the workspace owner by default.</param>
    public void ResolveConversation(string conversationId, string? resolvedBy = null)
    {
        lock (_lock)
        {
            var conversation = FindConversation(WorkspaceId, conversationId)
                ?? throw new ArgumentException($"No conversation '{conversationId}' in the seeded workspace.", nameof(conversationId));
            var now = Time.GetUtcNow();
            Replace(_conversations, conversation, conversation with { ResolvedAt = now });
            Emit(WorkspaceId, "conversation.resolved", ChattingTriggerPayload.Build(
                "conversation.resolved",
                now,
                ("conversation_id", conversation.Id),
                ("visitor_email", conversation.VisitorEmail),
                ("resolved_by", resolvedBy ?? Workspace.OwnerEmail),
                ("message_count", conversation.MessageCount),
                ("duration_seconds", (long)(now - conversation.StartedAt).TotalSeconds)));
        }
    }

    /// <summary>An agent tags a conversation: sends <c>tag.added</c>.</summary>
    /// <param name="conversationId">The conversation.</param>
    /// <param name="tag">The tag.</param>
    /// <param name="addedBy">Who added it; the workspace owner by default.</param>
    public void TagConversation(string conversationId, string tag, string? addedBy = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        lock (_lock)
        {
            var conversation = FindConversation(WorkspaceId, conversationId)
                ?? throw new ArgumentException($"No conversation '{conversationId}' in the seeded workspace.", nameof(conversationId));
            Replace(_conversations, conversation, conversation with { Tags = [.. conversation.Tags, tag] });
            EmitTagAdded(WorkspaceId, conversation.Id, tag, addedBy ?? Workspace.OwnerEmail);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces => ChattingCatalogEntry.Instance.Surfaces;

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IHostedService>(_ => new WebhookDispatcherLifetime(_dispatcher));

    private void Seed()
    {
        var workspace = WorkspaceId;
        _contacts.Add(new SimulatedContact(SeededContactId, workspace, SeededContactEmail, "Ava Brooks", "+1 555 111 2222", "Acme", "lead", [], new Dictionary<string, string>(), new DateTimeOffset(2026, 4, 9, 0, 0, 0, TimeSpan.Zero)));
        _contacts.Add(new SimulatedContact(ForeignContactId, "owner_999", "someone@elsewhere.example", "Someone Else", null, null, null, [], new Dictionary<string, string>(), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        _conversations.Add(new SimulatedConversation(SampleConversationId, workspace, "visitor@example.com", "Ava Brooks", "https://www.usechatting.com/pricing", "Do you have a free plan?", ["vip"], 8, new DateTimeOffset(2026, 4, 8, 0, 43, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 8, 0, 50, 0, TimeSpan.Zero)));
        _conversations.Add(new SimulatedConversation(SeededConversationId, workspace, SeededContactEmail, "Ava Brooks", "https://www.usechatting.com/pricing", "Can I book a demo?", [], 1, new DateTimeOffset(2026, 4, 8, 23, 55, 0, TimeSpan.Zero), null));
        _triggers.Add((workspace, "conversation.created", ChattingSeed.ConversationCreated));
        _triggers.Add((workspace, "conversation.resolved", ChattingSeed.ConversationResolved));
        _triggers.Add((workspace, "contact.created", ChattingSeed.ContactCreated));
        _triggers.Add((workspace, "tag.added", ChattingSeed.TagAdded));
    }

    // Records the payload for the sample endpoints and POSTs it to every active subscription of the event.
    private void Emit(string workspaceId, string @event, string json)
    {
        _triggers.Add((workspaceId, @event, json));
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Active && subscription.WorkspaceId == workspaceId && subscription.Event == @event)
            {
                _dispatcher.Enqueue(new Uri(subscription.TargetUrl), json);
            }
        }
    }

    private void EmitTagAdded(string workspaceId, string? conversationId, string tag, string addedBy) =>
        Emit(workspaceId, "tag.added", ChattingTriggerPayload.Build(
            "tag.added",
            Time.GetUtcNow(),
            ("conversation_id", conversationId),
            ("tag", tag),
            ("added_by", addedBy)));

    private SimulatedConversation? FindConversation(string workspaceId, string id) =>
        _conversations.Find(c => c.WorkspaceId == workspaceId && c.Id == id);

    private IReadOnlyList<T> Snapshot<T>(List<T> items)
    {
        lock (_lock)
        {
            return [.. items];
        }
    }

    private static void Replace<T>(List<T> items, T old, T replacement)
        where T : class => items[items.IndexOf(old)] = replacement;
}
