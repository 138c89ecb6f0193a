using System.Runtime.CompilerServices;

namespace ChatApis.Pagination;

/// <summary>
/// A paginated result: enumerate it with <c>await foreach</c> to get every item across pages
/// (fetched lazily, one page in memory at a time), or call <see cref="AsPages"/> for the page view
/// with each page's metadata.
/// </summary>
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

    /// <summary>Enumerates the pages.</summary>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    /// <returns>The pages, fetched as they are consumed.</returns>
    public abstract IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default);

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

    /// <summary>Builds a pageable from pages already in hand (for tests and mocks).</summary>
    /// <param name="pages">The pages.</param>
    /// <returns>The pageable.</returns>
    public static AsyncPageable<T> FromPages(IEnumerable<Page<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new StaticPageable(pages.ToList());
    }

    private sealed class StaticPageable(IReadOnlyList<Page<T>> pages) : AsyncPageable<T>
    {
        public override async IAsyncEnumerable<Page<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return page;
            }
        }
    }
}
