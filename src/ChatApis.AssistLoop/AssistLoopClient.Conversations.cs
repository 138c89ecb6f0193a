using ChatApis.AssistLoop.Api;
using ChatApis.AssistLoop.Pagination;
using ChatApis.AssistLoop.Requests;
using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>The smallest page size the list and find endpoints accept.</summary>
    public const int MinPageSize = 10;

    /// <summary>The largest page size the list and find endpoints accept.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The page size AssistLoop uses when none is sent.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The most recent samples one call returns.</summary>
    public const int MaxSampleLimit = 10;

    /// <summary>
    /// Lists an agent's conversations, filtered (<c>GET automation/agents/{agentUuid}/conversations/list</c>).
    /// AssistLoop documents no page parameter, so the pageable yields the one page it answers (at most
    /// <paramref name="perPage"/> conversations), fetched when enumerated; narrow it with the date filters.
    /// </summary>
    /// <param name="agentUuid">The agent's UUID.</param>
    /// <param name="status">Only open (<c>status=1</c>) or closed (<c>status=0</c>) conversations; all when null.</param>
    /// <param name="responseMode">Only conversations in this mode (<see cref="AssistLoopResponseMode.Ai"/> or <see cref="AssistLoopResponseMode.Human"/>); all when null.</param>
    /// <param name="createdFrom">Only conversations created after this instant (sent as ISO 8601 UTC).</param>
    /// <param name="createdTo">Only conversations created before this instant.</param>
    /// <param name="perPage">The page size, 10 to 100 (AssistLoop's default is 20; Make's dropdown uses 100); not sent when null.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversations (one page; <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> shows its response).</returns>
    /// <exception cref="ArgumentException">An argument is out of range (checked here, before anything is sent).</exception>
    public virtual AsyncPageable<AssistLoopConversation> ListConversationsAsync(
        string agentUuid,
        AssistLoopConversationStatus? status = null,
        AssistLoopResponseMode? responseMode = null,
        DateTimeOffset? createdFrom = null,
        DateTimeOffset? createdTo = null,
        int? perPage = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(agentUuid);
        if (status is { } s && !Enum.IsDefined(s))
        {
            throw new ArgumentOutOfRangeException(nameof(status), s, "status must be AssistLoopConversationStatus.Open (1) or AssistLoopConversationStatus.Closed (0).");
        }

        if (responseMode is { } mode)
        {
            Guard.NotEmpty(mode.Value, nameof(responseMode));
        }

        Guard.Ordered(createdFrom, createdTo, nameof(createdFrom), nameof(createdTo));
        Guard.InRange(perPage, MinPageSize, MaxPageSize);
        var statusText = status is null ? null : status == AssistLoopConversationStatus.Open ? "1" : "0";
        var from = WireFormat.Iso8601(createdFrom);
        var to = WireFormat.Iso8601(createdTo);
        var api = Api;
        return new OneResponsePageable<AssistLoopConversation>(
            ct => Pipeline.SendAsync(
                AssistLoopOperations.Conversations,
                (call, attempt) => api.ListConversations(agentUuid, statusText, responseMode?.Value, from, to, perPage, call, attempt),
                AssistLoopJsonContext.Default.IReadOnlyListAssistLoopConversation,
                options,
                ct),
            cancellationToken);
    }

    /// <summary>
    /// Gets recent webhook-shaped samples of an agent's conversations
    /// (<c>GET automation/agents/{agentUuid}/conversations/recent-sample</c>): the same types
    /// <see cref="AssistLoopWebhookEvent.Parse(string)"/> returns for deliveries.
    /// </summary>
    /// <param name="agentUuid">The agent's UUID.</param>
    /// <param name="limit">How many samples, 1 to 10 (AssistLoop's default is 5); not sent when null.</param>
    /// <param name="type">The sample type (<see cref="AssistLoopWebhookEventType.NewConversation"/>, the default, or <see cref="AssistLoopWebhookEventType.HumanHandoffRequired"/>); not sent when null.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The samples, newest first.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<AssistLoopWebhookEvent>>> GetRecentSamplesAsync(
        string agentUuid,
        int? limit = null,
        AssistLoopWebhookEventType? type = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(agentUuid);
        Guard.InRange(limit, 1, MaxSampleLimit);
        if (type is { } t)
        {
            Guard.NotEmpty(t.Value, nameof(type));
        }

        return Pipeline.SendAsync(
            AssistLoopOperations.RecentSamples,
            (call, ct) => Api.GetRecentSamples(agentUuid, limit, type?.Value, call, ct),
            AssistLoopJsonContext.Default.IReadOnlyListAssistLoopWebhookEvent,
            options,
            cancellationToken);
    }

    /// <summary>
    /// Closes a conversation (<c>POST automation/conversations/{conversationUuid}/close</c>, with the
    /// surface's <c>platform</c>), which stops AI responses. Limited to 10 per minute on top of the
    /// general budget; the client queues closes to stay within it.
    /// </summary>
    /// <param name="conversationUuid">The conversation's UUID.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><c>conversation_closed</c> and the platform.</returns>
    /// <exception cref="ChatApiNotFoundException">The conversation does not exist or is not the account's.</exception>
    /// <exception cref="ChatApiPermissionException">The token lacks the scope to change conversations.</exception>
    public virtual Task<ApiResponse<AssistLoopCloseResult>> CloseConversationAsync(string conversationUuid, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(conversationUuid);
        var body = new CloseBody(Platform);
        return Pipeline.SendAsync(
            AssistLoopOperations.Close, (call, ct) => Api.Close(conversationUuid, body, call, ct), AssistLoopJsonContext.Default.AssistLoopCloseResult, options, cancellationToken);
    }
}
