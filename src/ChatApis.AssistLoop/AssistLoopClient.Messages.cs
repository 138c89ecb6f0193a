using ChatApis.AssistLoop.Api;
using ChatApis.AssistLoop.Requests;
using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>
    /// Lists a conversation's messages, newest first, across as many pages as the enumeration consumes. Each
    /// next page asks for messages created before the second after the oldest one seen (<c>created_to</c>),
    /// so no message sharing that second is skipped whether AssistLoop reads "before" strictly or not, and
    /// messages already yielded are dropped by id: every message comes exactly once. When a page lies
    /// within one second, the walk asks for that second again with 100 per page, then moves past it; only
    /// a second holding more than 100 messages can keep some of them out of reach (the API has no other
    /// cursor). System messages are excluded by AssistLoop.
    /// </summary>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <param name="createdFrom">Only messages created after this instant.</param>
    /// <param name="createdTo">Only messages created before this instant (the walk starts here).</param>
    /// <param name="perPage">The page size, 10 to 100 (default 20; the walk always sends it).</param>
    /// <param name="options">Each page request's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages; use <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> for the pages' metadata (a page may be empty when it brought only messages already yielded).</returns>
    public virtual AsyncPageable<AssistLoopMessage> ListMessagesAsync(
        string conversationUuid,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        int perPage = DefaultPageSize,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        Guard.Ordered(createdFrom, createdTo, nameof(createdFrom), nameof(createdTo));
        Guard.InRange(perPage, MinPageSize, MaxPageSize);
        return new TimeKeysetPageable<AssistLoopMessage>(
            (cursor, size, ct) => GetMessagesPageAsync(conversationUuid, createdFrom, cursor, size, options, ct),
            static m => m.CreatedAt == default ? null : m.CreatedAt,
            static m => string.IsNullOrEmpty(m.Id) ? m.Uuid : m.Id,
            perPage,
            MaxPageSize,
            start: createdTo,
            after: createdFrom,
            cancellationToken);
    }

    /// <summary>Gets one page of a conversation's messages, newest first (<c>GET automation/conversations/{conversationUuid}/messages/find</c>).</summary>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <param name="createdFrom">Only messages created after this instant; not sent when null.</param>
    /// <param name="createdTo">Only messages created before this instant; not sent when null.</param>
    /// <param name="perPage">The page size, 10 to 100 (AssistLoop's default is 20); not sent when null.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation does not exist or is not the account's.</exception>
    public virtual Task<ApiResponse<IReadOnlyList<AssistLoopMessage>>> GetMessagesPageAsync(
        string conversationUuid,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        int? perPage = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        Guard.Ordered(createdFrom, createdTo, nameof(createdFrom), nameof(createdTo));
        Guard.InRange(perPage, MinPageSize, MaxPageSize);
        var from = WireFormat.Iso8601(createdFrom);
        var to = WireFormat.Iso8601(createdTo);
        return Pipeline.SendAsync(
            AssistLoopOperations.Messages,
            (call, ct) => Api.FindMessages(conversationUuid, from, to, perPage, call, ct),
            AssistLoopJsonContext.Default.IReadOnlyListAssistLoopMessage,
            options,
            cancellationToken);
    }

    /// <summary>
    /// Sends a message to the customer as a human agent (<c>POST automation/conversations/{conversationUuid}/reply</c>);
    /// AssistLoop switches the conversation to human mode.
    /// </summary>
    /// <remarks>
    /// AssistLoop offers no idempotency key, so a reply is never retried after a failure that may have
    /// reached the server: such a failure is a <see cref="ChatApiTransportException"/> whose
    /// <see cref="ChatApiTransportException.RequestMayHaveReachedServer"/> says the outcome is unknown
    /// (check the messages before sending again).
    /// </remarks>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <param name="content">The text to send (not empty).</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><c>sent</c> and the new message's id.</returns>
    public virtual Task<ApiResponse<AssistLoopReplyResult>> ReplyAsync(string conversationUuid, string content, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        Guard.NotEmpty(content);
        var body = new ReplyBody(content);
        return Pipeline.SendAsync(
            AssistLoopOperations.Reply, (call, ct) => Api.Reply(conversationUuid, body, call, ct), AssistLoopJsonContext.Default.AssistLoopReplyResult, options, cancellationToken);
    }
}
