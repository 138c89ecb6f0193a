using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;
using ChatApis.Vendors;
using ChatApis.Vertext.Api;
using ChatApis.Webhooks;
using Microsoft.Extensions.Logging;

namespace ChatApis.Vertext;

/// <summary>
/// The Vertext Labs public Zapier API: the authenticated user's chatbots and their contacts, and
/// Zapier webhook subscriptions. Thread-safe; create one and reuse it (or register it with
/// <c>services.AddVertextClient(...)</c>). Every method is virtual so tests can mock it.
/// </summary>
public class VertextClient : ChatApiClient
{
    /// <summary>The page size the streams use unless told otherwise (Vertext's own default is 100 too).</summary>
    public const int DefaultPageSize = 100;

    private static readonly Refit.RefitSettings Settings = ChatApiRefit.CreateSettings(VertextJsonContext.Default);

    private readonly IVertextApi _api = null!;

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The access token and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public VertextClient(VertextClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : base(VertextVendor.Instance.CreateStandalonePipeline(options, timeProvider, loggerFactory), ownsPipeline: true)
    {
        _api = ChatApiRefit.For<IVertextApi>(Pipeline, Settings);
    }

    /// <summary>Creates a client from its vendor descriptor (dependency injection).</summary>
    /// <param name="context">The client being built.</param>
    internal VertextClient(ChatApiClientContext<VertextClientOptions> context)
        : base(context.Pipeline)
    {
        _api = ChatApiRefit.For<IVertextApi>(Pipeline, Settings);
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected VertextClient()
    {
    }

    /// <summary>Lists every chatbot of the user, oldest first, fetching pages of <paramref name="perPage"/> as the enumeration proceeds.</summary>
    /// <param name="perPage">The page size (&gt; 0; default 100).</param>
    /// <param name="options">Settings for each page's call.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The chatbots; use <see cref="AsyncPageable{T}.AsPages(CancellationToken)"/> for page metadata.</returns>
    public virtual AsyncPageable<VertextChatbot> ListChatbotsAsync(int perPage = DefaultPageSize, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PageSize(perPage, int.MaxValue);
        return new NumberedPageable<VertextChatbot>((pageIndex, ct) => GetChatbotsPageAsync(pageIndex, perPage, options, ct), firstPage: 0, perPage, cancellationToken);
    }

    /// <summary>Gets one page of the user's chatbots (sorted by creation date, ascending).</summary>
    /// <param name="pageIndex">The zero-based page index: the page starts at item <c>pageIndex × perPage</c> (≥ 0); <c>null</c> leaves it out (Vertext's default is 0).</param>
    /// <param name="perPage">The page size (&gt; 0); <c>null</c> leaves it out (Vertext's default is 100).</param>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The chatbots on that page.</returns>
    public virtual Task<ApiResponse<IReadOnlyList<VertextChatbot>>> GetChatbotsPageAsync(int? pageIndex = null, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PageIndex(pageIndex);
        Guard.PageSize(perPage, int.MaxValue);
        return Pipeline.SendAsync(
            VertextOperations.GetChatbots,
            (call, ct) => _api.GetChatbots(pageIndex, perPage, call, ct),
            VertextJsonContext.Default.IReadOnlyListVertextChatbot,
            options,
            cancellationToken);
    }

    /// <summary>Lists every contact of a chatbot, fetching pages as the enumeration proceeds.</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="perPage">The page size (&gt; 0; default 100).</param>
    /// <param name="options">Settings for each page's call.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The contacts.</returns>
    public virtual AsyncPageable<VertextContact> ListContactsAsync(string chatbotId, int perPage = DefaultPageSize, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        Guard.PageSize(perPage, int.MaxValue);
        return new NumberedPageable<VertextContact>((pageIndex, ct) => GetContactsPageAsync(chatbotId, pageIndex, perPage, options, ct), firstPage: 0, perPage, cancellationToken);
    }

    /// <summary>Gets one page of a chatbot's contacts.</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="pageIndex">The zero-based page index (≥ 0); <c>null</c> leaves it out (Vertext's default is 0).</param>
    /// <param name="perPage">The page size (&gt; 0); <c>null</c> leaves it out (Vertext's default is 100).</param>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The contacts on that page.</returns>
    /// <exception cref="ChatApiNotFoundException">The chatbot does not exist or is not the user's.</exception>
    public virtual Task<ApiResponse<IReadOnlyList<VertextContact>>> GetContactsPageAsync(string chatbotId, int? pageIndex = null, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        Guard.PageIndex(pageIndex);
        Guard.PageSize(perPage, int.MaxValue);
        return Pipeline.SendAsync(
            VertextOperations.GetContacts,
            (call, ct) => _api.GetContacts(chatbotId, pageIndex, perPage, call, ct),
            VertextJsonContext.Default.IReadOnlyListVertextContact,
            options,
            cancellationToken);
    }

    /// <summary>
    /// Subscribes a Zapier webhook URL to a chatbot's events (Vertext's <c>zapier_subscriptions</c>, sent as a form
    /// body). Not retried after the request may have reached Vertext: a repeat would create a second subscription.
    /// </summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="targetUrl">The absolute http(s) URL events are sent to.</param>
    /// <param name="options">Settings for this call (Vertext takes no idempotency key).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new subscription: its <see cref="WebhookSubscription.Id"/> unsubscribes, its <see cref="WebhookSubscription.Raw"/> is the <see cref="VertextZapierSubscription"/>.</returns>
    /// <exception cref="ChatApiNotFoundException">The chatbot does not exist or is not the user's.</exception>
    public virtual Task<ApiResponse<WebhookSubscription>> SubscribeWebhookAsync(string chatbotId, Uri targetUrl, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        Guard.AbsoluteUrl(targetUrl, requireHttps: false);
        var form = new Dictionary<string, string>(1) { ["target_url"] = targetUrl.OriginalString };
        return Pipeline.SendAsync(
            VertextOperations.CreateZapierSubscription,
            (call, ct) => _api.CreateZapierSubscription(chatbotId, form, call, ct),
            VertextWebhookSubscriptionJson.TypeInfo,
            options,
            cancellationToken);
    }

    /// <summary>Deletes a Zapier subscription (the API answers 204 No Content).</summary>
    /// <param name="chatbotId">The chatbot's id.</param>
    /// <param name="subscriptionId">The subscription's id (<see cref="WebhookSubscription.Id"/>).</param>
    /// <param name="options">Settings for this call.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response metadata.</returns>
    /// <exception cref="ChatApiNotFoundException">The chatbot or the subscription does not exist.</exception>
    public virtual Task<ApiResponse> UnsubscribeWebhookAsync(string chatbotId, string subscriptionId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(chatbotId);
        Guard.PathSegment(subscriptionId);
        return Pipeline.SendAsync(
            VertextOperations.DeleteZapierSubscription,
            (call, ct) => _api.DeleteZapierSubscription(chatbotId, subscriptionId, call, ct),
            options,
            cancellationToken);
    }
}
