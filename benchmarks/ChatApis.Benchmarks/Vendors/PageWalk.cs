namespace ChatApis.Benchmarks.Vendors;

/// <summary>The hand-written page loop the baseline and the peers use (what a user of a raw client writes).</summary>
public static class PageWalk
{
    /// <summary>Fetches pages from <paramref name="firstPage"/> until a short page or <paramref name="maxItems"/>.</summary>
    /// <param name="fetchPage">Fetches one page and returns its item count.</param>
    /// <param name="firstPage">1 for page numbers, 0 for page indexes.</param>
    /// <param name="maxItems">Where to stop.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The number of items read.</returns>
    public static async Task<long> CountAsync(Func<int, CancellationToken, Task<int>> fetchPage, int firstPage, long maxItems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        long total = 0;
        for (var page = firstPage; ; page++)
        {
            var count = await fetchPage(page, cancellationToken);
            total += count;
            if (count < VendorScenario.PageSize || total >= maxItems)
            {
                return total;
            }
        }
    }
}
