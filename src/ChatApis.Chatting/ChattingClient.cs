using System.Globalization;
using System.Net.Mail;
using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.Safety;
using Microsoft.Extensions.Logging;

namespace ChatApis.Chatting;

/// <summary>
/// Chatting's Zapier API (<c>https://usechatting.com/api/zapier</c>): the workspace behind the API key,
/// trigger subscriptions and their sample records, and the create-contact, add-tag and send-message
/// actions. Thread-safe; create one and reuse it (or register it with <c>services.AddChattingClient(...)</c>).
/// Every method is virtual so tests can mock it.
/// </summary>
/// <remarks>
/// The actions send an <c>Idempotency-Key</c>, generated once per call unless the caller passes one,
/// and the same on every retry: a retry after a lost response replays Chatting's stored answer instead
/// of acting twice. Reusing a key with another body fails with <see cref="ChattingErrorCode.IdempotencyKeyConflict"/>.
/// </remarks>
public class ChattingClient : ChatApiClient
{
    /// <summary>The fewest sample records a sample endpoint returns.</summary>
    public const int MinSampleLimit = 1;

    /// <summary>The most sample records a sample endpoint returns (Chatting's default is 10).</summary>
    public const int MaxSampleLimit = 50;

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The API key and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    public ChattingClient(ChattingClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(ChattingVendor.Profile, Valid(options), new ApiKeyHandler(ChattingVendor.ApiKeyHeader, options.ApiKey!), timeProvider, loggerFactory)
    {
    }

    /// <summary>Creates a client over a pipeline (used by dependency injection).</summary>
    /// <param name="pipeline">The pipeline.</param>
    internal ChattingClient(ChatApiPipeline pipeline)
        : base(pipeline)
    {
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected ChattingClient()
    {
    }

    /// <summary>Gets the workspace the API key belongs to; use it as the connection check.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workspace id, team name and owner email.</returns>
    /// <exception cref="ChatApiAuthenticationException">The key is missing or invalid (<see cref="ChattingErrorCode.ApiKeyInvalid"/>).</exception>
    public virtual Task<ApiResponse<ChattingAccount>> GetMeAsync(CancellationToken cancellationToken = default) =>
        Pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "me"), ChattingJsonContext.Default.ChattingAccount, cancellationToken);

    /// <summary>
    /// Subscribes a target URL to an event. Chatting upserts on (workspace, event, target URL): subscribing
    /// again returns the existing subscription, reactivated, so this call is safe to retry.
    /// </summary>
    /// <param name="event">The event, normally one of <see cref="ChattingEvent.ConversationCreated"/>, <see cref="ChattingEvent.ConversationResolved"/>, <see cref="ChattingEvent.ContactCreated"/> or <see cref="ChattingEvent.TagAdded"/>.</param>
    /// <param name="targetUrl">The absolute http(s) URL the payloads are POSTed to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription (keep its id to unsubscribe).</returns>
    /// <exception cref="ChatApiValidationException">Chatting rejected the event or URL (<see cref="ChattingErrorCode.InvalidSubscription"/>).</exception>
    /// <exception cref="ChatApiServerException">The subscription could not be saved (<see cref="ChattingErrorCode.SubscriptionSaveFailed"/>).</exception>
    public virtual Task<ApiResponse<WebhookSubscription>> SubscribeAsync(ChattingEvent @event, Uri targetUrl, CancellationToken cancellationToken = default)
    {
        CheckEvent(@event, nameof(@event));
        Guard.AbsoluteUrl(targetUrl, requireHttps: false);
        var request = new ApiRequest(HttpMethod.Post, "webhooks/subscribe")
            .WithJsonBody(new SubscribeBody(@event.Value, targetUrl.OriginalString), ChattingJsonContext.Requests.SubscribeBody)
            .MarkIdempotent();
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.WebhookSubscription, cancellationToken);
    }

    /// <summary>Unsubscribes: Chatting deactivates the subscription (subscribing again reactivates it).</summary>
    /// <param name="webhookId">The subscription's id, e.g. <c>wh_123</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The id and <c>active: false</c>.</returns>
    /// <exception cref="ChatApiNotFoundException">No such subscription (<see cref="ChattingErrorCode.NotFound"/>).</exception>
    public virtual Task<ApiResponse<WebhookUnsubscription>> UnsubscribeAsync(string webhookId, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(webhookId);
        var request = new ApiRequest(HttpMethod.Delete, "webhooks/{id}", webhookId);
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.WebhookUnsubscription, cancellationToken);
    }

    /// <summary>
    /// Gets recent conversation trigger payloads (the sample records the Zapier editor maps fields
    /// from), newest first: <c>conversation.created</c> by default, or <c>conversation.resolved</c> /
    /// <c>tag.added</c>.
    /// </summary>
    /// <param name="limit">How many (1 to 50); <c>null</c> for Chatting's default of 10.</param>
    /// <param name="event">The event; <c>null</c> for <see cref="ChattingEvent.ConversationCreated"/>. Contact samples come from <see cref="GetRecentContactTriggersAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed trigger payloads.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<ChattingTrigger>>> GetRecentConversationTriggersAsync(int? limit = null, ChattingEvent? @event = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        if (@event is { } e)
        {
            CheckEvent(e, nameof(@event));
            if (e == ChattingEvent.ContactCreated)
            {
                throw new ArgumentException("contact.created samples come from GetRecentContactTriggersAsync (GET /contacts), not the conversation samples.", nameof(@event));
            }
        }

        var request = new ApiRequest(HttpMethod.Get, "conversations").AddQuery("limit", limit).AddQuery("event", @event?.Value);
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.IReadOnlyListChattingTrigger, cancellationToken);
    }

    /// <summary>Gets recent <c>contact.created</c> trigger payloads (sample records), newest first.</summary>
    /// <param name="limit">How many (1 to 50); <c>null</c> for Chatting's default of 10.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed trigger payloads.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<ChattingTrigger>>> GetRecentContactTriggersAsync(int? limit = null, CancellationToken cancellationToken = default)
    {
        CheckLimit(limit);
        var request = new ApiRequest(HttpMethod.Get, "contacts").AddQuery("limit", limit);
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.IReadOnlyListChattingTrigger, cancellationToken);
    }

    /// <summary>Creates a contact (or finds it: the id is stable for the same email).</summary>
    /// <param name="contact">The contact; <see cref="NewContact.Email"/> is required.</param>
    /// <param name="idempotencyKey">The idempotency key; <c>null</c> to generate one for this call. Pass your own to make a call you repeat later (e.g. after a crash) a replay.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contact; <see cref="ApiResponse.IdempotencyKey"/> is the key that was sent.</returns>
    /// <exception cref="ChatApiConflictException"><see cref="ChattingErrorCode.WorkspaceSiteMissing"/>, or <see cref="ChattingErrorCode.IdempotencyKeyConflict"/> for a key reused with another body.</exception>
    /// <exception cref="ChatApiPermissionException">The write target is outside the workspace (<see cref="ChattingErrorCode.ContactSiteForbidden"/>).</exception>
    /// <exception cref="ChatApiNotFoundException">The new contact could not be loaded back (<see cref="ChattingErrorCode.ContactNotFound"/>).</exception>
    /// <exception cref="ChatApiServerException">The contact could not be saved (<see cref="ChattingErrorCode.ContactSaveFailed"/>).</exception>
    public virtual Task<ApiResponse<CreatedContact>> CreateContactAsync(NewContact contact, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        CheckContact(contact);
        var request = new ApiRequest(HttpMethod.Post, "contacts")
            .WithJsonBody(contact, ChattingJsonContext.Requests.NewContact)
            .WithIdempotencyKey(ChattingVendor.IdempotencyKeyHeader, KeyFor(idempotencyKey));
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.CreatedContact, cancellationToken);
    }

    /// <summary>Adds a tag to a contact.</summary>
    /// <param name="contactId">The contact's id, e.g. <c>contact_123</c>.</param>
    /// <param name="tag">The tag (not empty).</param>
    /// <param name="idempotencyKey">The idempotency key; <c>null</c> to generate one for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contact id and tag; <see cref="ApiResponse.IdempotencyKey"/> is the key that was sent.</returns>
    /// <exception cref="ChatApiNotFoundException">No such contact (<see cref="ChattingErrorCode.NotFound"/>).</exception>
    /// <exception cref="ChatApiConflictException">The key was reused with another body (<see cref="ChattingErrorCode.IdempotencyKeyConflict"/>).</exception>
    public virtual Task<ApiResponse<ContactTag>> AddContactTagAsync(string contactId, string tag, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(contactId);
        Guard.NotEmpty(tag);
        var request = new ApiRequest(HttpMethod.Post, "contacts/{id}/tags", contactId)
            .WithJsonBody(new AddTagBody(tag), ChattingJsonContext.Requests.AddTagBody)
            .WithIdempotencyKey(ChattingVendor.IdempotencyKeyHeader, KeyFor(idempotencyKey));
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.ContactTag, cancellationToken);
    }

    /// <summary>Posts a message into a conversation.</summary>
    /// <param name="conversationId">The conversation's id, e.g. <c>conv_123</c>.</param>
    /// <param name="message">The message text (not empty).</param>
    /// <param name="asSystem"><c>true</c> to send it as a system message (<c>"sender": "system"</c>); otherwise it is stored as the team's.</param>
    /// <param name="idempotencyKey">The idempotency key; <c>null</c> to generate one for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored message; <see cref="ApiResponse.IdempotencyKey"/> is the key that was sent.</returns>
    /// <exception cref="ChatApiNotFoundException">No such conversation (<see cref="ChattingErrorCode.NotFound"/>).</exception>
    /// <exception cref="ChatApiConflictException">The key was reused with another body (<see cref="ChattingErrorCode.IdempotencyKeyConflict"/>).</exception>
    public virtual Task<ApiResponse<SentMessage>> SendMessageAsync(string conversationId, string message, bool asSystem = false, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationId);
        Guard.NotEmpty(message);
        var body = new SendMessageBody(message, asSystem ? MessageSender.System.Value : null);
        var request = new ApiRequest(HttpMethod.Post, "conversations/{id}/messages", conversationId)
            .WithJsonBody(body, ChattingJsonContext.Requests.SendMessageBody)
            .WithIdempotencyKey(ChattingVendor.IdempotencyKeyHeader, KeyFor(idempotencyKey));
        return Pipeline.SendAsync(request, ChattingJsonContext.Default.SentMessage, cancellationToken);
    }

    private static ChattingClientOptions Valid(ChattingClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    // One key per logical call, fixed before the first attempt so Core resends it unchanged on every retry.
    private static string KeyFor(string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
        }

        if (idempotencyKey.Length is 0 or > 255 || idempotencyKey.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException(
                "idempotencyKey must be 1 to 255 visible ASCII characters (it is sent as the Idempotency-Key header), or null to generate one.",
                nameof(idempotencyKey));
        }

        return idempotencyKey;
    }

    private static void CheckEvent(ChattingEvent @event, string name)
    {
        if (string.IsNullOrWhiteSpace(@event.Value))
        {
            throw new ArgumentException(
                $"{name} is required: conversation.created, conversation.resolved, contact.created or tag.added.",
                name);
        }
    }

    private static void CheckLimit(int? limit)
    {
        if (limit is { } value && (value < MinSampleLimit || value > MaxSampleLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(limit), value, $"limit must be between {MinSampleLimit} and {MaxSampleLimit} (was {value}); null uses Chatting's default of 10.");
        }
    }

    private static void CheckContact(NewContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var email = contact.Email;
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new ArgumentException("contact.Email is required.", nameof(contact));
        }

        // TryCreate also accepts "Name <a@b.c>" and lists; Chatting wants the bare address.
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0)
        {
            throw new ArgumentException("contact.Email must be one email address such as lead@example.com.", nameof(contact));
        }

        if (contact.Tags is { } tags && tags.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("contact.Tags must not contain null, empty or white-space tags.", nameof(contact));
        }

        if (contact.CustomFields is { } fields && fields.Any(f => string.IsNullOrWhiteSpace(f.Key) || f.Value is null))
        {
            throw new ArgumentException("contact.CustomFields must have non-empty keys and non-null values.", nameof(contact));
        }
    }
}
