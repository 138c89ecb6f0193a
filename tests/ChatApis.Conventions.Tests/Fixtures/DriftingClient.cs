using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Conventions.Tests.Fixtures;

/// <summary>A client whose every method breaks one rule (the method's name says which): each rule must catch its own.</summary>
public class DriftingClient : ChatApiClient
{
    public DriftingClient(int notForMocking) => _ = notForMocking;

    public Task<ApiResponse<string>> NotVirtualAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> NoAsyncSuffix(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> NoOptionsAsync(string id, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> RequiredOptionsAsync(RequestOptions options, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> TokenFirstAsync(CancellationToken cancellationToken, RequestOptions? options = null) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> TwoTokensAsync(CancellationToken otherToken, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> BadlyNamedTokenAsync(RequestOptions? options = null, CancellationToken ct = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<IReadOnlyList<string>>> ListPlainAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual AsyncPageable<string> FindPageableAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<IReadOnlyList<string>> GetUnwrappedPageAsync(int? page = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<IReadOnlyList<string>>> GetMisnamedPageAsync(int? pageNumber = null, int? pageSize = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<IReadOnlyList<string>>> GetDefaultedPageAsync(int page = 1, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<IReadOnlyList<string>>> GetZeroBasedPageAsync(int page = 0, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> SubscribeAsync(Uri targetUrl, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public virtual Task<ApiResponse<string>> SubscribeWebhookAsync(Uri targetUrl, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
