using System.Runtime.CompilerServices;

namespace ChatApis.Pagination;

/// <summary>
/// A paginated result: enumerate it with <c>await foreach</c> to get every item across pages
/// (fetched lazily, one page in memory at a time), or call <see cref="AsPages(CancellationToken)"/> for the
/// page view with each page's metadata and <see cref="Page{T}.ContinuationToken"/>, and
/// <see cref="AsPages(string?, CancellationToken)"/> to resume a walk from a stored token.
/// </summary>
/// <remarks>
/// Storing and resuming a walk:
/// <code>
/// await foreach (var page in client.ListConversationsAsync(perPage: 50).AsPages(storedToken))
/// {
///     Process(page.Items);
///     storedToken = page.ContinuationToken; // null once the last page is processed
///     Save(storedToken);
/// }
/// </code>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>Creates the pageable.</summary>
    /// <param name="callCancellationToken">The token given to the method that created the pageable; honoured with the enumerator's token.</param>
    protected AsyncPageable(CancellationToken callCancellationToken = default) => CallCancellationToken = callCancellationToken;

    /// <summary>The token given to the method that created the pageable.</summary>
    protected CancellationToken CallCancellationToken { get; }

    /// <summary>A token cancelled when either the creating call's token or the enumerator's token is.</summary>
    /// <param name="enumeratorToken">The enumerator's token.</param>
    /// <param name="linked">A linked source to dispose after the enumeration, when one was needed.</param>
    /// <returns>The effective token.</returns>
    protected CancellationToken EffectiveToken(CancellationToken enumeratorToken, out CancellationTokenSource? linked)
    {
        linked = null;
        if (!CallCancellationToken.CanBeCanceled)
        {
            return enumeratorToken;
        }

        if (!enumeratorToken.CanBeCanceled)
        {
            return CallCancellationToken;
        }

        linked = CancellationTokenSource.CreateLinkedTokenSource(CallCancellationToken, enumeratorToken);
        return linked.Token;
    }

    /// <summary>Enumerates the pages from the first one (the same as <c>AsPages(null, cancellationToken)</c>).</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The pages, fetched as they are consumed.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default);

    /// <summary>
    /// Enumerates the pages, from the first one or, given a token that an earlier walk's
    /// <see cref="Page{T}.ContinuationToken"/> handed out, from the page that followed it.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Resume on a pageable created by the same method with the same arguments: the token records where the
    /// walk stands and its page size, not which listing it walked (the conversation, the filters). A token
    /// issued for another page size is refused rather than converted, because a position only means
    /// something at its own page size. The token is checked when this method is called, before any request.
    /// </para>
    /// <para>
    /// The pageables of this SDK (<see cref="NumberedPageable{T}"/>, <see cref="TimeKeysetPageable{T}"/>)
    /// override this method. A pageable that does not (its pages hand out no token) starts from the first page
    /// for <c>null</c> and refuses any token.
    /// </para>
    /// </remarks>
    /// <param name="continuationToken">
    /// <c>null</c> to start from the first page, or a stored <see cref="Page{T}.ContinuationToken"/> to go on
    /// after that page. Tokens hold no secret and may be stored anywhere.
    /// </param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The pages, fetched as they are consumed.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="continuationToken"/> is empty or malformed, of another token version, issued by another
    /// paging style or for another page size, altered after it was handed out, or holds an impossible position.
    /// </exception>
    public virtual IAsyncEnumerable<Page<T>> AsPages(string? continuationToken, CancellationToken cancellationToken = default) =>
        continuationToken is null
            ? AsPages(cancellationToken)
            : throw ContinuationTokenCodec.Invalid("cannot be resumed here: this listing's pages hand out no continuation token");

    /// <summary>Enumerates every item of every page.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The item enumerator.</returns>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// Builds a pageable from pages already in hand (for tests and mocks). It resumes after the page whose
    /// <see cref="Page{T}.ContinuationToken"/> equals the token given to
    /// <see cref="AsPages(string?, CancellationToken)"/>, and refuses a token none of its pages holds.
    /// </summary>
    /// <param name="pages">The pages.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable(pages.ToList());
    }

    private sealed class StaticPageable(IReadOnlyList<Page<T>> pages) : AsyncPageable<T>
    {
        public override IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default) => Enumerate(0, cancellationToken);

        public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken, CancellationToken cancellationToken = default)
        {
            var first = 0;
            if (continuationToken is not null)
            {
                var after = pages.Select((page, index) => (page, index)).FirstOrDefault(p => string.Equals(p.page.ContinuationToken, continuationToken, StringComparison.Ordinal));
                if (after.page is null)
                {
                    throw ContinuationTokenCodec.Invalid("is not the continuation token of any of this pageable's pages");
                }

                first = after.index + 1;
            }

            return Enumerate(first, cancellationToken);
        }

        private async IAsyncEnumerable<Page<T>> Enumerate(int first, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = first; i < pages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return pages[i];
            }
        }
    }
}
