using System.Net.Mail;
using ChatApis.Chatting.Api;
using ChatApis.Http;
using ChatApis.Safety;
using ChatApis.Vendors;
using ChatApis.Webhooks;
using Microsoft.Extensions.Logging;
using RefitSettings = Refit.RefitSettings;
using SystemTextJsonContentSerializer = Refit.SystemTextJsonContentSerializer;

namespace ChatApis.Chatting;

/// <summary>
/// Chatting's Zapier API (<c>https://usechatting.com/api/zapier</c>): the workspace behind the API key,
/// trigger subscriptions and their sample records, and the create-contact, add-tag and send-message
/// actions. Thread-safe; create one and reuse it (or register it with <c>services.AddChattingClient(...)</c>).
/// Every method is virtual so tests can mock it.
/// </summary>
/// <remarks>
/// The actions send an <c>Idempotency-Key</c>: <see cref="RequestOptions.IdempotencyKey"/> when the caller gives
/// one, otherwise a new key per call, the same on every retry: a retry after a lost response replays Chatting's
/// stored answer instead of acting twice. Reusing a key with another body fails with
/// <see cref="ChattingErrorCode.IdempotencyKeyConflict"/>. The other endpoints take no key (the client refuses one).
/// </remarks>
public class ChattingClient : ChatApiClient
{
    /// <summary>The fewest sample records a sample endpoint returns.</summary>
    public const int MinSampleLimit = 1;

    /// <summary>The most sample records a sample endpoint returns (Chatting's default is 10).</summary>
    public const int MaxSampleLimit = 50;

    private static readonly RefitSettings Settings = CreateSettings();

    private readonly IChattingApi _api = null!;

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The API key and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public ChattingClient(ChattingClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(ChattingVendor.Instance.CreateStandalonePipeline(options, timeProvider, loggerFactory), ownsPipeline: true)
    {
        _api = ChatApiRefit.For<IChattingApi>(Pipeline, Settings);
    }

    /// <summary>Creates a client from its vendor descriptor (dependency injection).</summary>
    /// <param name="context">The client being built.</param>
    internal ChattingClient(ChatApiClientContext<ChattingClientOptions> context)
        : base(context.Pipeline)
    {
        _api = ChatApiRefit.For<IChattingApi>(Pipeline, Settings);
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected ChattingClient()
    {
    }

    /// <summary>Gets the workspace the API key belongs to; use it as the connection check.</summary>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The workspace id, team name and owner email.</returns>
    /// <exception cref="ChatApiAuthenticationException">The key is missing or invalid (<see cref="ChattingErrorCode.ApiKeyInvalid"/>).</exception>
    public virtual Task<ApiResponse<ChattingAccount>> GetMeAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Pipeline.SendAsync(ChattingOperations.GetMe, (call, ct) => _api.GetMe(call, ct), ChattingJsonContext.Default.ChattingAccount, options, cancellationToken);

    /// <summary>
    /// Subscribes a target URL to an event. Chatting upserts on (workspace, event, target URL): subscribing
    /// again returns the existing subscription, reactivated, so this call is safe to retry.
    /// </summary>
    /// <param name="event">The event, normally one of <see cref="ChattingEvent.ConversationCreated"/>, <see cref="ChattingEvent.ConversationResolved"/>, <see cref="ChattingEvent.ContactCreated"/> or <see cref="ChattingEvent.TagAdded"/>.</param>
    /// <param name="targetUrl">The absolute http(s) URL the payloads are POSTed to.</param>
    /// <param name="options">Settings for this call (Chatting takes no idempotency key here).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The subscription: its <see cref="WebhookSubscription.Id"/> unsubscribes, <see cref="WebhookSubscription.EventName"/>
    /// is the event, <see cref="WebhookSubscription.Raw"/> is the <see cref="ChattingWebhookSubscription"/> (with
    /// <c>active</c>); <see cref="WebhookSubscription.TargetUrl"/> is null (Chatting does not echo it).
    /// </returns>
    /// <exception cref="ChatApiValidationException">Chatting rejected the event or URL (<see cref="ChattingErrorCode.InvalidSubscription"/>).</exception>
    /// <exception cref="ChatApiServerException">The subscription could not be saved (<see cref="ChattingErrorCode.SubscriptionSaveFailed"/>).</exception>
    public virtual Task<ApiResponse<WebhookSubscription>> SubscribeWebhookAsync(ChattingEvent @event, Uri targetUrl, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckEvent(@event, nameof(@event));
        Guard.AbsoluteUrl(targetUrl, requireHttps: false);
        var body = new SubscribeBody(@event.Value, targetUrl.OriginalString);
        return Pipeline.SendAsync(ChattingOperations.Subscribe, (call, ct) => _api.Subscribe(body, call, ct), ChattingWebhookSubscriptionJson.TypeInfo, options, cancellationToken);
    }

    /// <summary>
    /// Unsubscribes: Chatting deactivates the subscription (subscribing again reactivates it). The response is an
    /// <see cref="ApiResponse{T}"/> of <see cref="ChattingWebhookUnsubscription"/> (the id and <c>active: false</c>)
    /// for callers who want Chatting's answer.
    /// </summary>
    /// <param name="webhookId">The subscription's id, e.g. <c>wh_123</c>.</param>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response metadata.</returns>
    /// <exception cref="ChatApiNotFoundException">No such subscription (<see cref="ChattingErrorCode.NotFound"/>).</exception>
    public virtual async Task<ApiResponse> UnsubscribeWebhookAsync(string webhookId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(webhookId);

        // The body is still read (and a malformed one is still an error): Chatting answers with the deactivated subscription.
        return await Pipeline.SendAsync(ChattingOperations.Unsubscribe, (call, ct) => _api.Unsubscribe(webhookId, call, ct), ChattingJsonContext.Default.ChattingWebhookUnsubscription, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gets recent conversation trigger payloads (the sample records the Zapier editor maps fields
    /// from), newest first: <c>conversation.created</c> by default, or <c>conversation.resolved</c> /
    /// <c>tag.added</c>.
    /// </summary>
    /// <param name="limit">How many (1 to 50); <c>null</c> leaves it out (Chatting's default is 10).</param>
    /// <param name="event">The event; <c>null</c> leaves it out (<see cref="ChattingEvent.ConversationCreated"/>). Contact samples come from <see cref="GetRecentContactTriggersAsync"/>.</param>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed trigger payloads.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<ChattingTrigger>>> GetRecentConversationTriggersAsync(int? limit = null, ChattingEvent? @event = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PageSize(limit, MaxSampleLimit);
        if (@event is { } e)
        {
            CheckEvent(e, nameof(@event));
            if (e == ChattingEvent.ContactCreated)
            {
                throw new ArgumentException("contact.created samples come from GetRecentContactTriggersAsync (GET /contacts), not the conversation samples.", nameof(@event));
            }
        }

        var eventName = @event?.Value;
        return Pipeline.SendAsync(
            ChattingOperations.GetConversationTriggers,
            (call, ct) => _api.GetConversationTriggers(limit, eventName, call, ct),
            ChattingJsonContext.Default.IReadOnlyListChattingTrigger,
            options,
            cancellationToken);
    }

    /// <summary>Gets recent <c>contact.created</c> trigger payloads (sample records), newest first.</summary>
    /// <param name="limit">How many (1 to 50); <c>null</c> leaves it out (Chatting's default is 10).</param>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The typed trigger payloads.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<ChattingTrigger>>> GetRecentContactTriggersAsync(int? limit = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PageSize(limit, MaxSampleLimit);
        return Pipeline.SendAsync(
            ChattingOperations.GetContactTriggers,
            (call, ct) => _api.GetContactTriggers(limit, call, ct),
            ChattingJsonContext.Default.IReadOnlyListChattingTrigger,
            options,
            cancellationToken);
    }

    /// <summary>Creates a contact (or finds it: the id is stable for the same email).</summary>
    /// <param name="contact">The contact; <see cref="ChattingNewContact.Email"/> is required.</param>
    /// <param name="options">
    /// Settings for this call. Its <see cref="RequestOptions.IdempotencyKey"/> is sent as <c>Idempotency-Key</c>;
    /// without one a key is made for this call. Pass your own to make a call you repeat later (e.g. after a crash) a replay.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contact; <see cref="ApiResponse.IdempotencyKey"/> is the key that was sent.</returns>
    /// <exception cref="ChatApiConflictException"><see cref="ChattingErrorCode.WorkspaceSiteMissing"/>, or <see cref="ChattingErrorCode.IdempotencyKeyConflict"/> for a key reused with another body.</exception>
    /// <exception cref="ChatApiPermissionException">The write target is outside the workspace (<see cref="ChattingErrorCode.ContactSiteForbidden"/>).</exception>
    /// <exception cref="ChatApiNotFoundException">The new contact could not be loaded back (<see cref="ChattingErrorCode.ContactNotFound"/>).</exception>
    /// <exception cref="ChatApiServerException">The contact could not be saved (<see cref="ChattingErrorCode.ContactSaveFailed"/>).</exception>
    public virtual Task<ApiResponse<ChattingCreatedContact>> CreateContactAsync(ChattingNewContact contact, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckContact(contact);
        return Pipeline.SendAsync(
            ChattingOperations.CreateContact,
            (call, ct) => _api.CreateContact(contact, call.IdempotencyKey, call, ct),
            ChattingJsonContext.Default.ChattingCreatedContact,
            options,
            cancellationToken);
    }

    /// <summary>Adds a tag to a contact.</summary>
    /// <param name="contactId">The contact's id, e.g. <c>contact_123</c>.</param>
    /// <param name="tag">The tag (not empty).</param>
    /// <param name="options">Settings for this call; its <see cref="RequestOptions.IdempotencyKey"/> is sent as <c>Idempotency-Key</c> (one is made otherwise).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contact id and tag; <see cref="ApiResponse.IdempotencyKey"/> is the key that was sent.</returns>
    /// <exception cref="ChatApiNotFoundException">No such contact (<see cref="ChattingErrorCode.NotFound"/>).</exception>
    /// <exception cref="ChatApiConflictException">The key was reused with another body (<see cref="ChattingErrorCode.IdempotencyKeyConflict"/>).</exception>
    public virtual Task<ApiResponse<ChattingContactTag>> AddContactTagAsync(string contactId, string tag, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(contactId);
        Guard.NotEmpty(tag);
        var body = new AddTagBody(tag);
        return Pipeline.SendAsync(
            ChattingOperations.AddContactTag,
            (call, ct) => _api.AddContactTag(contactId, body, call.IdempotencyKey, call, ct),
            ChattingJsonContext.Default.ChattingContactTag,
            options,
            cancellationToken);
    }

    /// <summary>Posts a message into a conversation.</summary>
    /// <param name="conversationId">The conversation's id, e.g. <c>conv_123</c>.</param>
    /// <param name="message">The message text (not empty).</param>
    /// <param name="asSystem"><c>true</c> to send it as a system message (<c>"sender": "system"</c>); otherwise it is stored as the team's.</param>
    /// <param name="options">Settings for this call; its <see cref="RequestOptions.IdempotencyKey"/> is sent as <c>Idempotency-Key</c> (one is made otherwise).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored message; <see cref="ApiResponse.IdempotencyKey"/> is the key that was sent.</returns>
    /// <exception cref="ChatApiNotFoundException">No such conversation (<see cref="ChattingErrorCode.NotFound"/>).</exception>
    /// <exception cref="ChatApiConflictException">The key was reused with another body (<see cref="ChattingErrorCode.IdempotencyKeyConflict"/>).</exception>
    public virtual Task<ApiResponse<ChattingSentMessage>> SendMessageAsync(string conversationId, string message, bool asSystem = false, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationId);
        Guard.NotEmpty(message);
        var body = new SendMessageBody(message, asSystem ? ChattingMessageSender.System.Value : null);
        return Pipeline.SendAsync(
            ChattingOperations.SendMessage,
            (call, ct) => _api.SendMessage(conversationId, body, call.IdempotencyKey, call, ct),
            ChattingJsonContext.Default.ChattingSentMessage,
            options,
            cancellationToken);
    }

    // Request bodies go out as typed ("+1 555 ..." rather than "\u002B1 555 ..."): both are valid JSON, but the body
    // is what Chatting's idempotency store compares and what people read in logs.
    private static RefitSettings CreateSettings()
    {
        var settings = ChatApiRefit.CreateSettings(ChattingJsonContext.Requests);
        settings.ContentSerializer = new SystemTextJsonContentSerializer(ChattingJsonContext.Requests.Options);
        return settings;
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

    private static void CheckContact(ChattingNewContact contact)
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
