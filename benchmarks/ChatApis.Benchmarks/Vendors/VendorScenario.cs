using ChatApis.Benchmarks.Payloads;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>
/// One vendor as the benchmarks see it: the pre-serialized documents the server answers with, and a
/// factory for each client making that vendor's calls. Adding a vendor's SDK is one adapter class
/// (an <see cref="IVendorClient"/> over the SDK client) returned from <see cref="Create"/> for <see cref="ClientKind.Sdk"/>.
/// </summary>
public abstract class VendorScenario
{
    /// <summary>The auto-pagination scenario: 100,000 items in pages of 100.</summary>
    public const int WalkPages = 1_000;

    /// <summary>The page size of every list call.</summary>
    public const int PageSize = 100;

    /// <summary>The bearer token every client sends (the server does not check it; clients still pay for the header).</summary>
    public const string Token = "bench-token-0123456789abcdef";

    /// <summary>The vendor's name, e.g. "Vertext".</summary>
    public abstract string Name { get; }

    /// <summary>The calls this vendor has.</summary>
    public abstract VendorCalls Calls { get; }

    /// <summary>The path prefix of this vendor on the shared server, e.g. <c>/vertext/</c>.</summary>
    public string Prefix => "/" + Name.ToLowerInvariant() + "/";

    /// <summary>Whether the vendor's SDK client is in this build.</summary>
    public bool HasSdk => Supports(ClientKind.Sdk);

    /// <summary>Adds the vendor's answers, serialized now, under <see cref="Prefix"/>.</summary>
    public abstract void Map(PayloadRouter router);

    /// <summary>Whether <paramref name="kind"/> exists for this vendor.</summary>
    public abstract bool Supports(ClientKind kind);

    /// <summary>Creates a client of <paramref name="kind"/> against the server at <paramref name="root"/>, or over <paramref name="stub"/> when given.</summary>
    /// <param name="kind">Which client.</param>
    /// <param name="root">The server's root address (the vendor's base is <c>root + Prefix</c>).</param>
    /// <param name="stub">A no-network transport replacing the sockets, or <c>null</c> for loopback.</param>
    public abstract IVendorClient Create(ClientKind kind, Uri root, HttpMessageHandler? stub);

    /// <summary>The vendor's base address on the server.</summary>
    protected Uri BaseOf(Uri root) => new(root, Prefix);

    /// <summary>An empty-page decision for the page loop: pages <c>0..WalkPages-1</c> (or <c>1..WalkPages</c>) are full, later ones empty.</summary>
    protected static bool PastLastPage(QueryView query, int firstPage) => query.Int("page") is { } page && page - firstPage >= WalkPages;
}
