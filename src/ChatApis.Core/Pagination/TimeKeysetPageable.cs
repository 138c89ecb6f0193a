using System.Runtime.CompilerServices;
using ChatApis.Http;

namespace ChatApis.Pagination;

/// <summary>
/// Pages of items ordered newest first, walked back in time: each next page asks for items created at
/// or before the oldest timestamp seen so far (AssistLoop's <c>created_to</c>). Items at that
/// boundary timestamp can come back again, so they are dropped by id; only the boundary's ids are
/// remembered, so memory stays flat however many pages there are. A short page ends the walk, and so
/// does a page that brings nothing new (which guards against a server that ignores the cursor).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TimeKeysetPageable<T> : AsyncPageable<T>
{
    private readonly Func<DateTimeOffset?, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> _fetch;
    private readonly Func<T, DateTimeOffset?> _timestampOf;
    private readonly Func<T, string?> _idOf;
    private readonly int _pageSize;
    private readonly DateTimeOffset? _start;

    /// <summary>Creates the pageable.</summary>
    /// <param name="fetch">Fetches the page of items created at or before the cursor (<c>null</c>: the newest).</param>
    /// <param name="timestampOf">An item's creation time.</param>
    /// <param name="idOf">An item's unique id.</param>
    /// <param name="pageSize">The requested page size.</param>
    /// <param name="start">The cursor of the first page (the caller's own created_to), if any.</param>
    /// <param name="callCancellationToken">The token of the method that created the pageable.</param>
    public TimeKeysetPageable(Func<DateTimeOffset?, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, Func<T, DateTimeOffset?> timestampOf, Func<T, string?> idOf, int pageSize, DateTimeOffset? start = null, CancellationToken callCancellationToken = default)
        : base(callCancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(timestampOf);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _fetch = fetch;
        _timestampOf = timestampOf;
        _idOf = idOf;
        _pageSize = pageSize;
        _start = start;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken = EffectiveToken(cancellationToken, out var linked);
        using var _ = linked;
        var cursor = _start;
        var boundaryIds = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var response = await _fetch(cursor, cancellationToken).ConfigureAwait(false);
            var raw = response.Value;
            var fresh = new List<T>(raw.Count);
            DateTimeOffset? oldest = null;
            foreach (var item in raw)
            {
                var id = _idOf(item);
                if (id is not null && boundaryIds.Contains(id))
                {
                    continue;
                }

                fresh.Add(item);
                if (_timestampOf(item) is { } at && (oldest is null || at < oldest))
                {
                    oldest = at;
                }
            }

            var hasMore = raw.Count >= _pageSize && fresh.Count > 0 && oldest is not null;
            yield return new Page<T>(fresh, response, null, hasMore);
            if (!hasMore)
            {
                yield break;
            }

            if (oldest != cursor)
            {
                boundaryIds.Clear();
            }

            foreach (var item in fresh)
            {
                if (_timestampOf(item) == oldest && _idOf(item) is { } id)
                {
                    boundaryIds.Add(id);
                }
            }

            cursor = oldest;
        }
    }
}
