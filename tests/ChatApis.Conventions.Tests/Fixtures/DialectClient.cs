using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Webhooks;

namespace ChatApis.Conventions.Tests.Fixtures;

/// <summary>A client shaped exactly as CONTRIBUTING.md says: every rule must find nothing wrong with it.</summary>
public class DialectClient : ChatApiClient
{
    protected DialectClient()
    {
    }

    public virtual Task<ApiResponse<string>> GetThingAsync(string thingId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual AsyncPageable<string> ListThingsAsync(int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<IReadOnlyList<string>>> GetThingsPageAsync(int? page = null, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<IReadOnlyList<string>>> GetContactsPageAsync(string chatbotId, int? pageIndex = null, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> GetConversationAsync(long conversationId, int? messagePage = null, int? messagePerPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<WebhookSubscription>> SubscribeWebhookAsync(Uri targetUrl, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse> UnsubscribeWebhookAsync(string subscriptionId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual ValueTask<bool> TakeOverConversationAsync(long conversationId, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Uri BuildAuthorizationUrl(string state) => throw new NotSupportedException();
}
