using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>
    /// Finds a conversation's messages, newest first, across as many pages as the enumeration consumes. Each
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
    /// <param name="perPage">The page size, 10 to 100 (default 20).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The messages; use <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> for the pages' metadata (a page may be empty when it brought only messages already yielded).</returns>
    public virtual AsyncPageable<Message> FindMessagesAsync(
        string conversationUuid,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        int perPage = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        Guard.Ordered(createdFrom, createdTo, nameof(createdFrom), nameof(createdTo));
        Guard.InRange(perPage, MinPageSize, MaxPageSize);
        return new TimeKeysetPageable<Message>(
            (cursor, size, ct) => GetMessagesPageAsync(conversationUuid, createdFrom, cursor, size, ct),
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
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation does not exist or is not the account's.</exception>
    public virtual Task<ApiResponse<IReadOnlyList<Message>>> GetMessagesPageAsync(
        string conversationUuid,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        int? perPage = null,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        Guard.Ordered(createdFrom, createdTo, nameof(createdFrom), nameof(createdTo));
        Guard.InRange(perPage, MinPageSize, MaxPageSize);
        var request = new ApiRequest(HttpMethod.Get, "automation/conversations/{conversationUuid}/messages/find", conversationUuid)
            .AddQuery("created_from", createdFrom)
            .AddQuery("created_to", createdTo)
            .AddQuery("per_page", perPage);
        return Pipeline.SendAsync(request, AssistLoopJsonContext.Default.IReadOnlyListMessage, cancellationToken);
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
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><c>sent</c> and the new message's id.</returns>
    public virtual Task<ApiResponse<ReplyResult>> ReplyAsync(string conversationUuid, string content, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        Guard.NotEmpty(content);
        var request = new ApiRequest(HttpMethod.Post, "automation/conversations/{conversationUuid}/reply", conversationUuid)
            .WithJsonBody(new ReplyBody(content), AssistLoopJsonContext.Default.ReplyBody);
        return Pipeline.SendAsync(request, AssistLoopJsonContext.Default.ReplyResult, cancellationToken);
    }
}
