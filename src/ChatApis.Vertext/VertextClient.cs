using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;
using Microsoft.Extensions.Logging;

namespace ChatApis.Vertext;

/// <summary>
/// The Vertext Labs public Zapier API: the authenticated user's chatbots and their contacts, and
/// Zapier webhook subscriptions. Thread-safe; create one and reuse it (or register it with
/// <c>services.AddVertextClient(...)</c>). Every method is virtual so tests can mock it.
/// </summary>
public class VertextClient : ChatApiClient
{
    /// <summary>The default and largest sensible page size (the API's default is 100).</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The access token and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    public VertextClient(VertextClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(VertextVendor.Profile, Valid(options), new BearerTokenHandler(options.AccessToken!), timeProvider, loggerFactory)
    {
    }

    /// <summary>Creates a client over a pipeline (used by dependency injection).</summary>
    /// <param name="pipeline">The pipeline.</param>
    internal VertextClient(ChatApiPipeline pipeline)
        : base(pipeline)
    {
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected VertextClient()
    {
    }

    /// <summary>Lists every chatbot of the user, oldest first, fetching pages of <paramref name="perPage"/> as the enumeration proceeds.</summary>
    /// <param name="perPage">The page size (&gt; 0; default 100).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The chatbots; use <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> for page metadata.</returns>
    public virtual AsyncPageable<Chatbot> ListChatbotsAsync(int perPage = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        CheckPerPage(perPage);
        return new NumberedPageable<Chatbot>((page, ct) => GetChatbotsPageAsync(page, perPage, ct), firstPage: 0, perPage, cancellationToken);
    }

    /// <summary>Gets one page of the user's chatbots (sorted by creation date, ascending).</summary>
    /// <param name="page">The zero-based page index: the page starts at item <c>page × perPage</c> (≥ 0).</param>
    /// <param name="perPage">The page size (&gt; 0; default 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The chatbots on that page.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<Chatbot>>> GetChatbotsPageAsync(int page = 0, int perPage = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        CheckPaging(page, perPage);
        var request = new ApiRequest(HttpMethod.Get, "chatbots/list").AddQuery("page", page).AddQuery("per_page", perPage);
        return Pipeline.SendAsync(request, VertextJsonContext.Default.IReadOnlyListChatbot, cancellationToken);
    }

    /// <summary>Lists every contact of a chatbot, fetching pages as the enumeration proceeds.</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="perPage">The page size (&gt; 0; default 100).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The contacts.</returns>
    public virtual AsyncPageable<Contact> ListContactsAsync(string chatbotId, int perPage = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        CheckPerPage(perPage);
        return new NumberedPageable<Contact>((page, ct) => GetContactsPageAsync(chatbotId, page, perPage, ct), firstPage: 0, perPage, cancellationToken);
    }

    /// <summary>Gets one page of a chatbot's contacts.</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="page">The zero-based page index (≥ 0).</param>
    /// <param name="perPage">The page size (&gt; 0; default 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contacts on that page.</returns>
    /// <exception cref="ChatApiNotFoundException">The chatbot does not exist or is not the user's.</exception>
    public virtual Task<ApiResponse<IReadOnlyList<Contact>>> GetContactsPageAsync(string chatbotId, int page = 0, int perPage = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        CheckPaging(page, perPage);
        var request = new ApiRequest(HttpMethod.Get, "contacts/{chatbot_id}", chatbotId).AddQuery("page", page).AddQuery("per_page", perPage);
        return Pipeline.SendAsync(request, VertextJsonContext.Default.IReadOnlyListContact, cancellationToken);
    }

    /// <summary>Subscribes a Zapier webhook URL to a chatbot's events (sent as a form body).</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="targetUrl">The absolute http(s) URL events are sent to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new subscription (keep its id to delete it).</returns>
    /// <exception cref="ChatApiNotFoundException">The chatbot does not exist or is not the user's.</exception>
    public virtual Task<ApiResponse<ZapierSubscription>> CreateZapierSubscriptionAsync(string chatbotId, Uri targetUrl, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        Guard.AbsoluteUrl(targetUrl, requireHttps: false);
        var request = new ApiRequest(HttpMethod.Post, "chatbots/{chatbot_id}/zapier_subscriptions", chatbotId)
            .WithFormBody([new("target_url", targetUrl.OriginalString)]);
        return Pipeline.SendAsync(request, VertextJsonContext.Default.ZapierSubscription, cancellationToken);
    }

    /// <summary>Deletes a Zapier subscription (the API answers 204 No Content).</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="subscriptionId">The subscription's id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response metadata.</returns>
    /// <exception cref="ChatApiNotFoundException">The chatbot or the subscription does not exist.</exception>
    public virtual Task<ApiResponse> DeleteZapierSubscriptionAsync(string chatbotId, string subscriptionId, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        Guard.PathSegment(subscriptionId);
        var request = new ApiRequest(HttpMethod.Delete, "chatbots/{chatbot_id}/zapier_subscriptions/{id}", chatbotId, subscriptionId);
        return Pipeline.SendAsync(request, cancellationToken);
    }

    private static VertextClientOptions Valid(VertextClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    private static void CheckPaging(int page, int perPage)
    {
        if (page < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(page), page, $"page is a zero-based page index and must be >= 0 (was {page}).");
        }

        CheckPerPage(perPage);
    }

    private static void CheckPerPage(int perPage)
    {
        if (perPage <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perPage), perPage, $"perPage must be > 0 (was {perPage}).");
        }
    }
}
