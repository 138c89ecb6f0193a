using System.Runtime.CompilerServices;
using ChatApis.Http;

namespace ChatApis.Pagination;

/// <summary>
/// Pages addressed by number: 1-based page numbers (Zipchat) or 0-based page indexes where
/// offset = index × per_page (Vertext). No API here returns page metadata, so a page shorter than
/// the page size ends the walk.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class NumberedPageable<T> : AsyncPageable<T>
{
    private readonly Func<int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> _fetch;
    private readonly int _firstPage;
    private readonly int _pageSize;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Fetches the page with the given number or index.</param>
    /// <param name="firstPage">The first number to fetch (1 for page numbers, 0 for indexes, or where the caller starts).</param>
    /// <param name="pageSize">The requested page size (per_page).</param>
    /// <param name="callCancellationToken">The token of the method that created the pageable.</param>
    public NumberedPageable(Func<int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, int firstPage, int pageSize, CancellationToken callCancellationToken = default)
        : base(callCancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentOutOfRangeException.ThrowIfNegative(firstPage);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _fetch = fetch;
        _firstPage = firstPage;
        _pageSize = pageSize;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken = EffectiveToken(cancellationToken, out var linked);
        using var _ = linked;
        for (var number = _firstPage; ; number++)
        {
            var response = await _fetch(number, cancellationToken).ConfigureAwait(false);
            var items = response.Value;
            var hasMore = items.Count >= _pageSize;
            yield return new Page<T>(items, response, number, hasMore);
            if (!hasMore)
            {
                yield break;
            }
        }
    }
}
