namespace ChatApis.Benchmarks.Vendors;

/// <summary>
/// One client under test making one vendor's calls. Each call returns something derived from the
/// parsed response (a count or a length) so the work cannot be skipped. A call a vendor does not
/// have throws <see cref="NotSupportedException"/>; <see cref="VendorScenario.Calls"/> says which exist.
/// </summary>
public interface IVendorClient : IDisposable
{
    /// <summary>Lists one page of 100 documents (conversations, chatbots).</summary>
    Task<int> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The simplest GET the vendor has: a tiny JSON answer, so the client's fixed cost dominates.</summary>
    Task<int> SimpleAsync(CancellationToken cancellationToken = default);

    /// <summary>The write call (a reply, a subscription): a small JSON or form body, a small JSON answer.</summary>
    Task<int> PostAsync(CancellationToken cancellationToken = default);

    /// <summary>Walks the items of every page (auto-pagination for the SDK, a page loop otherwise), stopping after the page that reaches <paramref name="maxItems"/>.</summary>
    Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default);
}
