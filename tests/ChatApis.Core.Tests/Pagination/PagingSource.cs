using System.Net;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>The three paging styles a continuation token can come from.</summary>
public enum PagingStyle
{
    OneBasedPages,
    ZeroBasedPages,
    TimeKeyset,
}

/// <summary>
/// An in-memory listing of 30 items in one of the three paging styles, counting the requests its pageables
/// make, so a test can prove a token was refused before any request.
/// </summary>
public sealed class PagingSource(PagingStyle style, DateTimeOffset? createdTo = null, DateTimeOffset? createdFrom = null)
{
    private const int Total = 30;
    private static readonly DateTimeOffset T0 = new(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);

    public int Requests { get; private set; }

    public AsyncPageable<Stamped> Pageable(int pageSize = 4, int maxPageSize = 10) => style switch
    {
        PagingStyle.OneBasedPages => new NumberedPageable<Stamped>((page, ct) => FetchPage(page - 1, pageSize, ct), PageNumbering.OneBased, 1, pageSize),
        PagingStyle.ZeroBasedPages => new NumberedPageable<Stamped>((index, ct) => FetchPage(index, pageSize, ct), PageNumbering.ZeroBased, 0, pageSize),
        _ => new TimeKeysetPageable<Stamped>(FetchSince, s => s.At, s => s.Id, pageSize, maxPageSize, createdTo, createdFrom),
    };

    /// <summary>A sound token: the one the first page of a walk hands out.</summary>
    public async Task<string> FirstTokenAsync(int pageSize = 4, int maxPageSize = 10)
    {
        var page = await Pageable(pageSize, maxPageSize).AsPages(TestContext.Current.CancellationToken).FirstAsync(TestContext.Current.CancellationToken);
        Requests = 0;
        return page.ContinuationToken ?? throw new InvalidOperationException("the first page handed out no token");
    }

    // Items i00 (newest, T0) to i29, two per second, so time keyset pages end inside a second.
    private static Stamped Item(int index) => new($"i{index:00}", T0.AddSeconds(-(index / 2)));

    private Task<ApiResponse<IReadOnlyList<Stamped>>> FetchPage(int index, int size, CancellationToken cancellationToken)
    {
        var first = index * size;
        return Respond(Enumerable.Range(first, Math.Clamp(Total - first, 0, size)).Select(Item), cancellationToken);
    }

    private Task<ApiResponse<IReadOnlyList<Stamped>>> FetchSince(DateTimeOffset? bound, int size, CancellationToken cancellationToken) =>
        Respond(Enumerable.Range(0, Total).Select(Item).Where(i => (bound is not { } b || i.At < b) && (createdFrom is not { } from || i.At > from)).Take(size), cancellationToken);

    private Task<ApiResponse<IReadOnlyList<Stamped>>> Respond(IEnumerable<Stamped> items, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests++;
        IReadOnlyList<Stamped> page = items.ToList();
        return Task.FromResult(new ApiResponse<IReadOnlyList<Stamped>>(page, HttpStatusCode.OK));
    }
}
