using System.Text.Json.Serialization.Metadata;
using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;
using ChatApis.Vendors;
using Microsoft.Extensions.Logging;
using RefitSettings = Refit.RefitSettings;

namespace ChatApis.Zipchat;

/// <summary>
/// The Zipchat Backend API for one chat: conversations with their messages, the users who can be
/// assigned, taking a conversation over from the AI and handing it back, and manual replies. Every call
/// is scoped to <see cref="ZipchatClientOptions.ChatId"/>. Requests queue client-side within Zipchat's
/// 120 requests per 60 s; each response's <c>X-RateLimit-*</c> headers are in
/// <see cref="ApiResponse.RateLimit"/> (and <see cref="Page{T}.Response"/>), and a 429 is retried after
/// the advertised reset. Every method takes a <see cref="RequestOptions"/> (a timeout for the call, extra
/// headers); Zipchat has no idempotency key, so <see cref="RequestOptions.IdempotencyKey"/> is refused.
/// Thread-safe; create one per chat and reuse it (or register it with <c>services.AddZipchatClient(...)</c>).
/// Every method is virtual so tests can mock it.
/// </summary>
public partial class ZipchatClient : ChatApiClient
{
    /// <summary>The API's default page size for conversations and users.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page size for conversations and users.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The API's default number of messages per page.</summary>
    public const int DefaultMessagePageSize = 100;

    /// <summary>The largest number of messages per page.</summary>
    public const int MaxMessagePageSize = 200;

    private static readonly RefitSettings Settings = ChatApiRefit.CreateSettings(ZipchatJsonContext.Default);

    private readonly IZipchatApi _api = null!;
    private readonly string _chatId = "";

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The API key, chat id and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public ZipchatClient(ZipchatClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(ZipchatVendor.Instance.CreateStandalonePipeline(options, timeProvider, loggerFactory), ownsPipeline: true)
    {
        ChatId = options.ChatId;
        _chatId = WireFormat.Integer(ChatId)!;
        _api = ChatApiRefit.For<IZipchatApi>(Pipeline, Settings);
    }

    /// <summary>Creates a client from its descriptor's context (dependency injection).</summary>
    /// <param name="context">The client being built, with its validated options and pipeline.</param>
    internal ZipchatClient(ChatApiClientContext<ZipchatClientOptions> context)
        : base(context.Pipeline)
    {
        ChatId = context.Options.ChatId;
        _chatId = WireFormat.Integer(ChatId)!;
        _api = ChatApiRefit.For<IZipchatApi>(Pipeline, Settings);
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected ZipchatClient()
    {
    }

    /// <summary>The chat every call is scoped to.</summary>
    public long ChatId { get; }

    /// <summary>
    /// Lists the chat's conversations, fetching pages of <paramref name="perPage"/> (page 1 first) as the
    /// enumeration proceeds; a page shorter than <paramref name="perPage"/> ends it.
    /// </summary>
    /// <param name="perPage">The page size (1 to 100; default 50).</param>
    /// <param name="lastMessageAtSince">Only conversations with activity at or after this instant (sent as ISO 8601 UTC).</param>
    /// <param name="options">Settings for each page's call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The conversations; use <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> for each page's response and rate-limit headers.</returns>
    public virtual AsyncPageable<ZipchatConversation> ListConversationsAsync(int perPage = DefaultPageSize, DateTimeOffset? lastMessageAtSince = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.InRange(perPage, 1, MaxPageSize);
        RefuseIdempotencyKey(options);
        return new NumberedPageable<ZipchatConversation>(
            (page, ct) => SendListConversationsAsync(page, perPage, lastMessageAtSince, ZipchatResponses.Conversations, options, ct),
            firstPage: 1,
            perPage,
            cancellationToken);
    }

    /// <summary>
    /// Gets one page of the chat's conversations (<c>GET /chats/:chat_id/conversations</c>). Parameters left
    /// <c>null</c> are not sent, so the API's defaults apply (page 1, 50 per page).
    /// </summary>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="perPage">The page size (1 to 100).</param>
    /// <param name="lastMessageAtSince">Only conversations with activity at or after this instant (sent as ISO 8601 UTC).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page (undocumented metadata beside the list is kept in its <see cref="Json.ApiModel.AdditionalProperties"/>).</returns>
    /// <exception cref="ChatApiValidationException">422, e.g. a parameter the server rejected (<see cref="ZipchatErrorCode.InvalidParameter"/>).</exception>
    public virtual Task<ApiResponse<ConversationList>> GetConversationsPageAsync(int? page = null, int? perPage = null, DateTimeOffset? lastMessageAtSince = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Page(page);
        Guard.PageSize(perPage, MaxPageSize);
        RefuseIdempotencyKey(options);
        return SendListConversationsAsync(page, perPage, lastMessageAtSince, ZipchatResponses.ConversationList, options, cancellationToken);
    }

    /// <summary>
    /// Gets a conversation with one page of its messages and the expanded lead
    /// (<c>GET /chats/:chat_id/conversations/:id</c>; the body's <c>conversation</c> wrapper is removed).
    /// Parameters left <c>null</c> are not sent, so the API's defaults apply (page 1, 100 messages).
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="messagePage">The 1-based message page number.</param>
    /// <param name="messagePerPage">Messages per page (1 to 200).</param>
    /// <param name="messageCreatedAtSince">Only messages created at or after this instant (sent as ISO 8601 UTC).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation and its messages.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat (<see cref="ZipchatErrorCode.NotFound"/>).</exception>
    public virtual Task<ApiResponse<ConversationDetails>> GetConversationAsync(long conversationId, int? messagePage = null, int? messagePerPage = null, DateTimeOffset? messageCreatedAtSince = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.Page(messagePage);
        Guard.PageSize(messagePerPage, MaxMessagePageSize);
        RefuseIdempotencyKey(options);
        return SendGetConversationAsync(conversationId, messagePage, messagePerPage, messageCreatedAtSince, ZipchatResponses.ConversationDetails, options, cancellationToken);
    }

    /// <summary>
    /// Lists a conversation's messages across message pages (page 1 first), fetching them as the
    /// enumeration proceeds. The API's message pagination metadata is not documented, so a page shorter
    /// than <paramref name="messagePerPage"/> ends the walk.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="messagePerPage">Messages per page (1 to 200; default 100).</param>
    /// <param name="messageCreatedAtSince">Only messages created at or after this instant.</param>
    /// <param name="options">Settings for each page's call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages; <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> gives each page's response and rate-limit headers.</returns>
    public virtual AsyncPageable<ZipchatMessage> ListMessagesAsync(long conversationId, int messagePerPage = DefaultMessagePageSize, DateTimeOffset? messageCreatedAtSince = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.InRange(messagePerPage, 1, MaxMessagePageSize);
        RefuseIdempotencyKey(options);
        return new NumberedPageable<ZipchatMessage>(
            (page, ct) => SendGetConversationAsync(conversationId, page, messagePerPage, messageCreatedAtSince, ZipchatResponses.Messages, options, ct),
            firstPage: 1,
            messagePerPage,
            cancellationToken);
    }

    /// <summary>
    /// Watches a conversation for new messages: the Backend API has no webhooks, so this polls Get
    /// Conversation with <c>message_created_at_since</c>, yields each message once (duplicates are dropped
    /// by id, oldest first), advances the cursor to the newest <c>created_at</c> seen, and waits
    /// <paramref name="interval"/> on the client's <see cref="TimeProvider"/> between polls. Each poll is at
    /// least one request against the 120-per-minute budget.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="since">Messages created at or after this instant are reported (the first poll happens at once).</param>
    /// <param name="interval">The wait between polls (&gt; 0).</param>
    /// <param name="options">
    /// Settings for every request the stream makes (each request's timeout, extra headers): the stream itself runs
    /// until cancelled. No idempotency key.
    /// </param>
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <returns>
    /// An endless stream of new messages. It ends only by throwing: <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> (or the enumerator's token) is cancelled, as .NET
    /// cancellation does, or the <see cref="ChatApiException"/> of a failed poll.
    /// </returns>
    public virtual IAsyncEnumerable<ZipchatMessage> PollNewMessagesAsync(long conversationId, DateTimeOffset since, TimeSpan interval, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"interval must be greater than zero (was {interval}).");
        }

        RefuseIdempotencyKey(options);
        return new NewMessagePoller(
            (page, cursor, ct) => GetConversationAsync(conversationId, page, MaxMessagePageSize, cursor, options, ct),
            MaxMessagePageSize,
            since,
            interval,
            Pipeline.Time,
            cancellationToken);
    }

    /// <summary>
    /// Lists the users who can be assigned a conversation on this chat (the owner and participants), fetching
    /// pages of <paramref name="perPage"/> as the enumeration proceeds; a short page ends it.
    /// </summary>
    /// <param name="perPage">The page size (1 to 100; default 50).</param>
    /// <param name="options">Settings for each page's call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    public virtual AsyncPageable<ZipchatUser> ListUsersAsync(int perPage = DefaultPageSize, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.InRange(perPage, 1, MaxPageSize);
        RefuseIdempotencyKey(options);
        return new NumberedPageable<ZipchatUser>(
            (page, ct) => SendListUsersAsync(page, perPage, ZipchatResponses.Users, options, ct),
            firstPage: 1,
            perPage,
            cancellationToken);
    }

    /// <summary>
    /// Gets one page of the assignable users (<c>GET /chats/:chat_id/users</c>). Parameters left <c>null</c>
    /// are not sent, so the API's defaults apply (page 1, 50 per page).
    /// </summary>
    /// <param name="page">The 1-based page number.</param>
    /// <param name="perPage">The page size (1 to 100).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<ApiResponse<UserList>> GetUsersPageAsync(int? page = null, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Page(page);
        Guard.PageSize(perPage, MaxPageSize);
        RefuseIdempotencyKey(options);
        return SendListUsersAsync(page, perPage, ZipchatResponses.UserList, options, cancellationToken);
    }

    /// <summary>Gets one assignable user (<c>GET /chats/:chat_id/users/:id</c>; a <c>user</c> wrapper, if any, is removed).</summary>
    /// <param name="userId">The user's id (&gt; 0).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ChatApiNotFoundException">The user is not the owner or a participant of this chat; the API never tells users of other chats apart from missing ones.</exception>
    public virtual Task<ApiResponse<ZipchatUser>> GetUserAsync(long userId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(userId);
        RefuseIdempotencyKey(options);
        var id = WireFormat.Integer(userId)!;
        return Pipeline.SendAsync(ZipchatOperations.GetUser, (call, ct) => _api.GetUser(_chatId, id, call, ct), ZipchatResponses.User, options, cancellationToken);
    }

    /// <summary>
    /// Takes a conversation over from the AI: assigns it to <paramref name="assigneeId"/> and puts it in
    /// manual mode (<c>PATCH .../assignment</c> with <c>{"assignee_id": id}</c>). Setting a value is
    /// idempotent, so the call is retried after an ambiguous failure.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="assigneeId">A user from <see cref="ListUsersAsync"/> (&gt; 0).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated conversation (see <see cref="UpdateAssignmentAsync"/> for the response's shape).</returns>
    /// <exception cref="ChatApiValidationException">422 <see cref="ZipchatErrorCode.AssigneeNotAssignable"/>.</exception>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<ZipchatConversation>> TakeOverConversationAsync(long conversationId, long assigneeId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.Positive(assigneeId);
        return UpdateAssignmentAsync(conversationId, assigneeId, options, cancellationToken);
    }

    /// <summary>
    /// Hands a conversation back to the AI: unassigns it and leaves manual mode (<c>PATCH .../assignment</c>
    /// with <c>{"assignee_id": null}</c>: the key is always sent, as null).
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated conversation.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<ZipchatConversation>> HandBackToAiAsync(long conversationId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        return UpdateAssignmentAsync(conversationId, null, options, cancellationToken);
    }

    /// <summary>
    /// Sets a conversation's assignment in one atomic operation (<c>PATCH /chats/:chat_id/conversations/:id/assignment</c>):
    /// a user id takes it over (manual mode), <c>null</c> hands it back to the AI (sent as an explicit
    /// <c>"assignee_id": null</c>). The response body is not documented: the client reads
    /// <c>{"conversation": {...}}</c> or a bare conversation object.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="assigneeId">The user to assign (&gt; 0), or <c>null</c> for the AI.</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated conversation.</returns>
    /// <exception cref="ChatApiValidationException">422 <see cref="ZipchatErrorCode.AssigneeNotAssignable"/> (or <see cref="ZipchatErrorCode.AssigneeIdRequired"/>, which this client never provokes).</exception>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<ZipchatConversation>> UpdateAssignmentAsync(long conversationId, long? assigneeId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        if (assigneeId is { } assignee)
        {
            Guard.Positive(assignee, nameof(assigneeId));
        }

        RefuseIdempotencyKey(options);
        var id = WireFormat.Integer(conversationId)!;
        var body = new AssignmentRequest { AssigneeId = assigneeId };
        return Pipeline.SendAsync(ZipchatOperations.UpdateAssignment, (call, ct) => _api.UpdateAssignment(_chatId, id, body, call, ct), ZipchatResponses.Conversation, options, cancellationToken);
    }

    /// <summary>
    /// Sends a manual reply from a human agent through the conversation's own channel
    /// (<c>POST /chats/:chat_id/conversations/:id/messages</c>). Take the conversation over first. Zipchat has
    /// no idempotency key, so after an ambiguous failure (timeout, dropped connection) this call is NOT
    /// retried: check the conversation's messages before sending again. The response body is not
    /// documented: the client reads <c>{"message": {...}}</c> or a bare message object.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="message">The reply text (required, not empty).</param>
    /// <param name="senderId">The user recorded as the sender, one of <see cref="ListUsersAsync"/> (&gt; 0).</param>
    /// <param name="options">Settings for this call (timeout, extra headers); no idempotency key (Zipchat documents none).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message as created.</returns>
    /// <exception cref="ChatApiValidationException">
    /// 422: <see cref="ZipchatErrorCode.ConversationInAiMode"/>, <see cref="ZipchatErrorCode.MetaReplyWindowClosed"/>,
    /// <see cref="ZipchatErrorCode.SenderNotAssignable"/> (or the required-field codes, which this client never provokes).
    /// </exception>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<ZipchatMessage>> SendMessageAsync(long conversationId, string message, long senderId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.NotEmpty(message);
        Guard.Positive(senderId);
        RefuseIdempotencyKey(options);
        var id = WireFormat.Integer(conversationId)!;
        var body = new SendMessageRequest { Message = message, SenderId = senderId };
        return Pipeline.SendAsync(ZipchatOperations.SendMessage, (call, ct) => _api.SendMessage(_chatId, id, body, call, ct), ZipchatResponses.Message, options, cancellationToken);
    }

    // Zipchat documents no idempotency key: a caller's key would promise a replay the server does not do. Checked
    // when the method is called, also for the lazy List and watch methods, before any request.
    private static void RefuseIdempotencyKey(RequestOptions? options)
    {
        if (options?.IdempotencyKey is not null)
        {
            throw new ArgumentException("Zipchat has no idempotency key: leave RequestOptions.IdempotencyKey unset on ZipchatClient calls.", nameof(options));
        }
    }

    // One page of List Conversations read as T: the page model for GetConversationsPageAsync, its items for a walk.
    private Task<ApiResponse<T>> SendListConversationsAsync<T>(int? page, int? perPage, DateTimeOffset? lastMessageAtSince, JsonTypeInfo<T> typeInfo, RequestOptions? options, CancellationToken cancellationToken)
    {
        var since = WireFormat.Iso8601(lastMessageAtSince);
        return Pipeline.SendAsync(ZipchatOperations.ListConversations, (call, ct) => _api.ListConversations(_chatId, page, perPage, since, call, ct), typeInfo, options, cancellationToken);
    }

    // One Get Conversation read as T: the conversation with its messages, or only the messages for a walk.
    private Task<ApiResponse<T>> SendGetConversationAsync<T>(long conversationId, int? messagePage, int? messagePerPage, DateTimeOffset? messageCreatedAtSince, JsonTypeInfo<T> typeInfo, RequestOptions? options, CancellationToken cancellationToken)
    {
        var id = WireFormat.Integer(conversationId)!;
        var since = WireFormat.Iso8601(messageCreatedAtSince);
        return Pipeline.SendAsync(ZipchatOperations.GetConversation, (call, ct) => _api.GetConversation(_chatId, id, messagePage, messagePerPage, since, call, ct), typeInfo, options, cancellationToken);
    }

    // One page of List Users read as T: the page model for GetUsersPageAsync, its items for a walk.
    private Task<ApiResponse<T>> SendListUsersAsync<T>(int? page, int? perPage, JsonTypeInfo<T> typeInfo, RequestOptions? options, CancellationToken cancellationToken) =>
        Pipeline.SendAsync(ZipchatOperations.ListUsers, (call, ct) => _api.ListUsers(_chatId, page, perPage, call, ct), typeInfo, options, cancellationToken);
}
