using ChatApis.Http;

namespace ChatApis.Pagination;

/// <summary>One page of results with the response it came from (status, request id, rate-limit headers).</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T>
{
    /// <summary>Creates a page that hands out no continuation token (a walk cannot be resumed after it).</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="response">The response metadata.</param>
    /// <param name="pageNumber">The page number or index requested, when the API pages by number.</param>
    /// <param name="hasMore">Whether another page may follow.</param>
    public Page(IReadOnlyList<T> items, ApiResponse response, int? pageNumber, bool hasMore)
        : this(items, response, pageNumber, hasMore, continuationToken: null)
    {
    }

    /// <summary>Creates a page.</summary>
    /// <param name="items">The page's items.</param>
    /// <param name="response">The response metadata.</param>
    /// <param name="pageNumber">The page number or index requested, when the API pages by number.</param>
    /// <param name="hasMore">Whether another page may follow.</param>
    /// <param name="continuationToken">
    /// The token that resumes the walk after this page (see <see cref="ContinuationToken"/>); <c>null</c> on
    /// the last page. A token given with <paramref name="hasMore"/> false is an error.
    /// </param>
    public Page(IReadOnlyList<T> items, ApiResponse response, int? pageNumber, bool hasMore, string? continuationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(response);
        if (continuationToken is not null && !hasMore)
        {
            throw new ArgumentException("The last page (hasMore false) hands out no continuation token: there is nothing to resume.", nameof(continuationToken));
        }

        Items = items;
        Response = response;
        PageNumber = pageNumber;
        HasMore = hasMore;
        ContinuationToken = continuationToken;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The response this page came from.</summary>
    public ApiResponse Response { get; }

    /// <summary>The page number (1-based APIs) or index (0-based APIs), when the API pages by number.</summary>
    public int? PageNumber { get; }

    /// <summary>Whether another page may follow (false after a short or empty page).</summary>
    public bool HasMore { get; }

    /// <summary>
    /// The token that resumes the walk right after this page, or <c>null</c> when this is the last page (the
    /// walk is done) or the pageable cannot resume.
    /// </summary>
    /// <remarks>
    /// <para>
    /// To stop a long walk and finish it later (another process, after a restart, in the next scheduled job),
    /// store this string once the page's items are processed, then create the same listing again (same
    /// method, same arguments, same page size) and enumerate
    /// <see cref="AsyncPageable{T}.AsPages(string?, CancellationToken)"/> with the stored token: the walk goes
    /// on with the page that would have followed, yielding no item twice and skipping none.
    /// </para>
    /// <para>
    /// The token is opaque, compact ASCII (base64url: letters, digits, <c>-</c> and <c>_</c>), safe in a URL,
    /// a file or a database column. It holds only where the walk stands (the page size and the next page, or
    /// for a time keyset walk the next time bound and the ids already yielded at it), never a credential or
    /// anything secret, so it may be stored and logged. It is versioned and checksummed: a token that was cut,
    /// edited, issued by another paging style or for another page size is refused with an
    /// <see cref="ArgumentException"/> naming <c>continuationToken</c>, before any request.
    /// </para>
    /// </remarks>
    public string? ContinuationToken { get; }
}
