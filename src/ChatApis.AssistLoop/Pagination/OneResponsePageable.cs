using System.Runtime.CompilerServices;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.AssistLoop.Pagination;

/// <summary>
/// A list endpoint that answers with the whole list in one response (AssistLoop documents no page parameter):
/// still a pageable, fetched when enumerated, yielding exactly one page.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class OneResponsePageable<T>(Func<CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, CancellationToken callCancellationToken)
    : AsyncPageable<T>(callCancellationToken)
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken = EffectiveToken(cancellationToken, out var linked);
        using var _ = linked;
        var response = await fetch(cancellationToken).ConfigureAwait(false);
        yield return new Page<T>(response.Value, response, pageNumber: null, hasMore: false);
    }
}
