using ChatApis.Http;

namespace ChatApis.Pagination;

/// <summary>One page of results with the response it came from (status, request id, rate-limit headers).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="response">The response metadata.</param>
    /// <param name="pageNumber">The page number or index requested, when the API pages by number.</param>
    /// <param name="hasMore">Whether another page may follow.</param>
    public Page(IReadOnlyList<T> items, ApiResponse response, int? pageNumber, bool hasMore)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(response);
        Items = items;
        Response = response;
        PageNumber = pageNumber;
        HasMore = hasMore;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The response this page came from.</summary>
    public ApiResponse Response { get; }

    /// <summary>The page number (1-based APIs) or index (0-based APIs), when the API pages by number.</summary>
    public int? PageNumber { get; }

    /// <summary>Whether another page may follow (false after a short or empty page).</summary>
    public bool HasMore { get; }
}
