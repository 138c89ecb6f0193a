using System.Runtime.CompilerServices;
using ChatApis.Http;

namespace ChatApis.Pagination;

/// <summary>
/// Pages addressed by number: 1-based page numbers (Zipchat) or 0-based page indexes where
/// offset = index × per_page (Vertext). No API here returns page metadata, so a page shorter than
/// the page size ends the walk.
/// </summary>
/// <remarks>
/// Every page but the last hands out a <see cref="Page{T}.ContinuationToken"/> holding the page size and the
/// next page number; <see cref="AsyncPageable{T}.AsPages(string?, CancellationToken)"/> on a pageable with
/// the same numbering and page size fetches that page first. Like any offset paging, items inserted or
/// deleted before the resume point between the two walks shift what the next page holds.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class NumberedPageable<T> : AsyncPageable<T>
{
    private readonly Func<int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> _fetch;
    private readonly PageNumbering _numbering;
    private readonly int _firstPage;
    private readonly int _pageSize;

    /// <summary>Creates the pageable, its numbering read from <paramref name="firstPage"/>.</summary>
    /// <remarks>
    /// A <paramref name="firstPage"/> of 0 means 0-based page indexes (<see cref="PageNumbering.ZeroBased"/>),
    /// 1 or more means 1-based page numbers (<see cref="PageNumbering.OneBased"/>); the numbering decides which
    /// continuation tokens the pageable accepts. To start a 0-based walk past index 0, use
    /// <see cref="NumberedPageable(Func{int, CancellationToken, Task{ApiResponse{IReadOnlyList{T}}}}, PageNumbering, int, int, CancellationToken)"/>.
    /// </remarks>
    /// <param name="fetch">Fetches the page with the given number or index.</param>
    /// <param name="firstPage">The first number to fetch (1 for page numbers, 0 for indexes, or where the caller starts).</param>
    /// <param name="pageSize">The requested page size (per_page).</param>
    /// <param name="callCancellationToken">The token of the method that created the pageable.</param>
    public NumberedPageable(Func<int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, int firstPage, int pageSize, CancellationToken callCancellationToken = default)
        : this(fetch, firstPage == 0 ? PageNumbering.ZeroBased : PageNumbering.OneBased, firstPage, pageSize, callCancellationToken)
    {
    }

    /// <summary>Creates the pageable with an explicit numbering.</summary>
    /// <param name="fetch">Fetches the page with the given number or index.</param>
    /// <param name="numbering">Whether the API counts pages from 1 or from 0; tokens of the other numbering are refused.</param>
    /// <param name="firstPage">The first number or index to fetch (at least 1 for <see cref="PageNumbering.OneBased"/>, at least 0 for <see cref="PageNumbering.ZeroBased"/>).</param>
    /// <param name="pageSize">The requested page size (per_page), at least 1.</param>
    /// <param name="callCancellationToken">The token of the method that created the pageable.</param>
    public NumberedPageable(Func<int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, PageNumbering numbering, int firstPage, int pageSize, CancellationToken callCancellationToken = default)
        : base(callCancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (!Enum.IsDefined(numbering))
        {
            throw new ArgumentOutOfRangeException(nameof(numbering), numbering, "numbering must be PageNumbering.OneBased or PageNumbering.ZeroBased.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(firstPage, (int)numbering);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _fetch = fetch;
        _numbering = numbering;
        _firstPage = firstPage;
        _pageSize = pageSize;
    }

    private ContinuationKind Kind => _numbering == PageNumbering.OneBased ? ContinuationKind.OneBasedPages : ContinuationKind.ZeroBasedPages;

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default) => AsPages(null, cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken, CancellationToken cancellationToken = default) =>
        Walk(continuationToken is null ? _firstPage : Resume(continuationToken), cancellationToken);

    // Checked here, not in the iterator, so a bad token fails at the AsPages call, before any request.
    private int Resume(string continuationToken)
    {
        var state = ContinuationTokenCodec.Decode(continuationToken, Kind, ContinuationJsonContext.Default.NumberedContinuation);
        ContinuationTokenCodec.RequireSamePageSize(state.PageSize, _pageSize);
        if (state.NextPage <= (int)_numbering)
        {
            // A walk's first page is never a resume point: the earliest token points at the second page.
            throw ContinuationTokenCodec.Invalid($"points at page {state.NextPage}, which no walk counted from {(int)_numbering} resumes at");
        }

        return state.NextPage;
    }

    private async IAsyncEnumerable<Page<T>> Walk(int first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken = EffectiveToken(cancellationToken, out var linked);
        using var _ = linked;
        for (var number = first; ; number++)
        {
            var response = await _fetch(number, cancellationToken).ConfigureAwait(false);
            var items = response.Value;
            var hasMore = items.Count >= _pageSize && number < int.MaxValue;
            var token = hasMore
                ? ContinuationTokenCodec.Encode(Kind, new NumberedContinuation { PageSize = _pageSize, NextPage = number + 1 }, ContinuationJsonContext.Default.NumberedContinuation)
                : null;
            yield return new Page<T>(items, response, number, hasMore, token);
            if (!hasMore)
            {
                yield break;
            }
        }
    }
}
