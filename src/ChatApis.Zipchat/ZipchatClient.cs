using System.Globalization;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.Json;
using ChatApis.Pagination;
using ChatApis.Safety;
using Microsoft.Extensions.Logging;

namespace ChatApis.Zipchat;

/// <summary>
/// The Zipchat Backend API for one chat: conversations with their messages, the users who can be
/// assigned, taking a conversation over from the AI and handing it back, and manual replies. Every call
/// is scoped to <see cref="ZipchatClientOptions.ChatId"/>. Requests queue client-side within Zipchat's
/// 120 requests per 60 s; each response's <c>X-RateLimit-*</c> headers are in
/// <see cref="ApiResponse.RateLimit"/> (and <see cref="Page{T}.Response"/>), and a 429 is retried after
/// the advertised reset. Thread-safe; create one per chat and reuse it (or register it with
/// <c>services.AddZipchatClient(...)</c>). Every method is virtual so tests can mock it.
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

    private readonly string _chatId = "";

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The API key, chat id and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    public ZipchatClient(ZipchatClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(ZipchatVendor.Profile, Valid(options), new BearerTokenHandler(options.ApiKey!), timeProvider, loggerFactory)
    {
        _chatId = ChatIdText(options.ChatId);
        ChatId = options.ChatId;
    }

    /// <summary>Creates a client over a pipeline (used by dependency injection).</summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="chatId">The chat every call is scoped to.</param>
    internal ZipchatClient(ChatApiPipeline pipeline, long chatId)
        : base(pipeline)
    {
        _chatId = ChatIdText(chatId);
        ChatId = chatId;
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
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The conversations; use <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> for each page's response and rate-limit headers.</returns>
    public virtual AsyncPageable<Conversation> ListConversationsAsync(int perPage = DefaultPageSize, DateTimeOffset? lastMessageAtSince = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(perPage);
        return new NumberedPageable<Conversation>(
            async (page, ct) => Select(await GetConversationsPageAsync(page, perPage, lastMessageAtSince, ct).ConfigureAwait(false), static list => list.Conversations),
            firstPage: 1,
            perPage,
            cancellationToken);
    }

    /// <summary>Gets one page of the chat's conversations (<c>GET /chats/:chat_id/conversations</c>).</summary>
    /// <param name="page">The 1-based page number (default 1).</param>
    /// <param name="perPage">The page size (1 to 100; default 50).</param>
    /// <param name="lastMessageAtSince">Only conversations with activity at or after this instant (sent as ISO 8601 UTC).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page (undocumented metadata beside the list is kept in its <see cref="Json.ApiModel.AdditionalProperties"/>).</returns>
    /// <exception cref="ChatApiValidationException">422, e.g. a parameter the server rejected (<see cref="ZipchatErrorCodes.InvalidParameter"/>).</exception>
    public virtual Task<ApiResponse<ConversationList>> GetConversationsPageAsync(int page = 1, int perPage = DefaultPageSize, DateTimeOffset? lastMessageAtSince = null, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        CheckPageSize(perPage);
        var request = new ApiRequest(HttpMethod.Get, "chats/{chat_id}/conversations", _chatId)
            .AddQuery("page", page)
            .AddQuery("per_page", perPage)
            .AddQuery("last_message_at_since", lastMessageAtSince);
        return SendUnwrappedAsync<ConversationListEnvelope, ConversationList>(request, ZipchatWireContext.Default.ConversationListEnvelope, cancellationToken);
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
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation and its messages.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat (<see cref="ZipchatErrorCodes.NotFound"/>).</exception>
    public virtual Task<ApiResponse<ConversationDetails>> GetConversationAsync(long conversationId, int? messagePage = null, int? messagePerPage = null, DateTimeOffset? messageCreatedAtSince = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        if (messagePage is { } p)
        {
            CheckPage(p, nameof(messagePage));
        }

        Guard.InRange(messagePerPage, 1, MaxMessagePageSize);
        var request = new ApiRequest(HttpMethod.Get, "chats/{chat_id}/conversations/{id}", _chatId, IdText(conversationId))
            .AddQuery("message_page", messagePage)
            .AddQuery("message_per_page", messagePerPage)
            .AddQuery("message_created_at_since", messageCreatedAtSince);
        return SendUnwrappedAsync<ConversationDetailsEnvelope, ConversationDetails>(request, ZipchatWireContext.Default.ConversationDetailsEnvelope, cancellationToken);
    }

    /// <summary>
    /// Lists a conversation's messages across message pages (page 1 first), fetching them as the
    /// enumeration proceeds. The API's message pagination metadata is not documented, so a page shorter
    /// than <paramref name="messagePerPage"/> ends the walk.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="messagePerPage">Messages per page (1 to 200; default 100).</param>
    /// <param name="messageCreatedAtSince">Only messages created at or after this instant.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages; <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> gives each page's response and rate-limit headers.</returns>
    public virtual AsyncPageable<Message> ListMessagesAsync(long conversationId, int messagePerPage = DefaultMessagePageSize, DateTimeOffset? messageCreatedAtSince = null, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.InRange(messagePerPage, 1, MaxMessagePageSize);
        return new NumberedPageable<Message>(
            async (page, ct) => Select(await GetConversationAsync(conversationId, page, messagePerPage, messageCreatedAtSince, ct).ConfigureAwait(false), static c => c.Messages),
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
    /// <param name="cancellationToken">Stops the polling.</param>
    /// <returns>
    /// An endless stream of new messages. It ends only by throwing: <see cref="OperationCanceledException"/>
    /// when <paramref name="cancellationToken"/> (or the enumerator's token) is cancelled, as .NET
    /// cancellation does, or the <see cref="ChatApiException"/> of a failed poll.
    /// </returns>
    public virtual IAsyncEnumerable<Message> PollNewMessagesAsync(long conversationId, DateTimeOffset since, TimeSpan interval, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, $"interval must be greater than zero (was {interval}).");
        }

        return new NewMessagePoller(
            (page, cursor, ct) => GetConversationAsync(conversationId, page, MaxMessagePageSize, cursor, ct),
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
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The users.</returns>
    public virtual AsyncPageable<ZipchatUser> ListUsersAsync(int perPage = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        CheckPageSize(perPage);
        return new NumberedPageable<ZipchatUser>(
            async (page, ct) => Select(await GetUsersPageAsync(page, perPage, ct).ConfigureAwait(false), static list => list.Users),
            firstPage: 1,
            perPage,
            cancellationToken);
    }

    /// <summary>Gets one page of the assignable users (<c>GET /chats/:chat_id/users</c>).</summary>
    /// <param name="page">The 1-based page number (default 1).</param>
    /// <param name="perPage">The page size (1 to 100; default 50).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<ApiResponse<UserList>> GetUsersPageAsync(int page = 1, int perPage = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        CheckPage(page);
        CheckPageSize(perPage);
        var request = new ApiRequest(HttpMethod.Get, "chats/{chat_id}/users", _chatId).AddQuery("page", page).AddQuery("per_page", perPage);
        return SendUnwrappedAsync<UserListEnvelope, UserList>(request, ZipchatWireContext.Default.UserListEnvelope, cancellationToken);
    }

    /// <summary>Gets one assignable user (<c>GET /chats/:chat_id/users/:id</c>; a <c>user</c> wrapper, if any, is removed).</summary>
    /// <param name="userId">The user's id (&gt; 0).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ChatApiNotFoundException">The user is not the owner or a participant of this chat; the API never tells users of other chats apart from missing ones.</exception>
    public virtual Task<ApiResponse<ZipchatUser>> GetUserAsync(long userId, CancellationToken cancellationToken = default)
    {
        Guard.Positive(userId);
        var request = new ApiRequest(HttpMethod.Get, "chats/{chat_id}/users/{id}", _chatId, IdText(userId));
        return SendUnwrappedAsync<UserEnvelope, ZipchatUser>(request, ZipchatWireContext.Default.UserEnvelope, cancellationToken);
    }

    /// <summary>
    /// Takes a conversation over from the AI: assigns it to <paramref name="assigneeId"/> and puts it in
    /// manual mode (<c>PATCH .../assignment</c> with <c>{"assignee_id": id}</c>). Setting a value is
    /// idempotent, so the call is retried after an ambiguous failure.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="assigneeId">A user from <see cref="ListUsersAsync"/> (&gt; 0).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated conversation (see <see cref="UpdateAssignmentAsync"/> for the response's shape).</returns>
    /// <exception cref="ChatApiValidationException">422 <see cref="ZipchatErrorCodes.AssigneeNotAssignable"/>.</exception>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<Conversation>> TakeOverConversationAsync(long conversationId, long assigneeId, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.Positive(assigneeId);
        return UpdateAssignmentAsync(conversationId, assigneeId, cancellationToken);
    }

    /// <summary>
    /// Hands a conversation back to the AI: unassigns it and leaves manual mode (<c>PATCH .../assignment</c>
    /// with <c>{"assignee_id": null}</c>: the key is always sent, as null).
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated conversation.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<Conversation>> HandBackToAiAsync(long conversationId, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        return UpdateAssignmentAsync(conversationId, null, cancellationToken);
    }

    /// <summary>
    /// Sets a conversation's assignment in one atomic operation (<c>PATCH /chats/:chat_id/conversations/:id/assignment</c>):
    /// a user id takes it over (manual mode), <c>null</c> hands it back to the AI (sent as an explicit
    /// <c>"assignee_id": null</c>). The response body is not documented: the client reads
    /// <c>{"conversation": {...}}</c> or a bare conversation object.
    /// </summary>
    /// <param name="conversationId">The conversation's id (&gt; 0).</param>
    /// <param name="assigneeId">The user to assign (&gt; 0), or <c>null</c> for the AI.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated conversation.</returns>
    /// <exception cref="ChatApiValidationException">422 <see cref="ZipchatErrorCodes.AssigneeNotAssignable"/> (or <see cref="ZipchatErrorCodes.AssigneeIdRequired"/>, which this client never provokes).</exception>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<Conversation>> UpdateAssignmentAsync(long conversationId, long? assigneeId, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        if (assigneeId is { } id)
        {
            Guard.Positive(id, nameof(assigneeId));
        }

        var request = new ApiRequest(HttpMethod.Patch, "chats/{chat_id}/conversations/{id}/assignment", _chatId, IdText(conversationId))
            .WithJsonBody(new AssignmentRequest { AssigneeId = assigneeId }, ZipchatWireContext.Default.AssignmentRequest)
            .MarkIdempotent();
        return SendUnwrappedAsync<ConversationEnvelope, Conversation>(request, ZipchatWireContext.Default.ConversationEnvelope, cancellationToken);
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
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message as created.</returns>
    /// <exception cref="ChatApiValidationException">
    /// 422: <see cref="ZipchatErrorCodes.ConversationInAiMode"/>, <see cref="ZipchatErrorCodes.MetaReplyWindowClosed"/>,
    /// <see cref="ZipchatErrorCodes.SenderNotAssignable"/> (or the required-field codes, which this client never provokes).
    /// </exception>
    /// <exception cref="ChatApiNotFoundException">The conversation is not in this chat.</exception>
    public virtual Task<ApiResponse<Message>> SendMessageAsync(long conversationId, string message, long senderId, CancellationToken cancellationToken = default)
    {
        Guard.Positive(conversationId);
        Guard.NotEmpty(message);
        Guard.Positive(senderId);
        var request = new ApiRequest(HttpMethod.Post, "chats/{chat_id}/conversations/{id}/messages", _chatId, IdText(conversationId))
            .WithJsonBody(new SendMessageRequest { Message = message, SenderId = senderId }, ZipchatWireContext.Default.SendMessageRequest);
        return SendUnwrappedAsync<MessageEnvelope, Message>(request, ZipchatWireContext.Default.MessageEnvelope, cancellationToken);
    }

    private async Task<ApiResponse<T>> SendUnwrappedAsync<TEnvelope, T>(ApiRequest request, JsonTypeInfo<TEnvelope> typeInfo, CancellationToken cancellationToken)
        where TEnvelope : Envelope<T>
        where T : ApiModel =>
        Select(await Pipeline.SendAsync(request, typeInfo, cancellationToken).ConfigureAwait(false), static envelope => envelope.Value);

    private static ApiResponse<TOut> Select<TIn, TOut>(ApiResponse<TIn> response, Func<TIn, TOut> select) =>
        new(select(response.Value), response.StatusCode, response.RequestId, response.RateLimit, response.Attempts, response.IdempotencyKey);

    private static ZipchatClientOptions Valid(ZipchatClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    private static string ChatIdText(long chatId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chatId);
        return IdText(chatId);
    }

    private static string IdText(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static void CheckPage(int page, string name = "page")
    {
        if (page < 1)
        {
            throw new ArgumentOutOfRangeException(name, page, $"{name} is a 1-based page number and must be >= 1 (was {page}).");
        }
    }

    private static void CheckPageSize(int perPage) => Guard.InRange(perPage, 1, MaxPageSize);
}
