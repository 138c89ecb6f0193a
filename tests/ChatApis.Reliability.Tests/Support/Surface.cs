using ChatApis.Http;
using ChatApis.Testing;
using ChatApis.Testing.Catalog;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>A call the matrix makes: its route (to fault it) and whether repeating it is safe.</summary>
/// <param name="Name">What the call is, for messages.</param>
/// <param name="Method">The HTTP method on the wire.</param>
/// <param name="Path">The exact wire path the simulator sees.</param>
/// <param name="RetrySafe">Whether the SDK may repeat it after an ambiguous failure.</param>
/// <param name="Invoke">Makes the call on a client of the surface.</param>
public sealed record SurfaceCall(string Name, string Method, string Path, bool RetrySafe, Func<ChatApiClient, CancellationToken, Task<object?>> Invoke);

/// <summary>
/// One API surface the SDK talks to: how to build a client against it, and a representative retry-safe read and
/// state-changing write. Its simulator and where its API lives come from its entry in the <see cref="VendorCatalog"/>.
/// </summary>
/// <param name="catalogName">The surface's name in the <see cref="VendorCatalog"/>, e.g. <c>AssistLoop Zapier</c>.</param>
public abstract class Surface(string catalogName)
{
    public abstract string Name { get; }

    /// <summary>The vendor of this surface in the catalog.</summary>
    public SimulatedVendor Vendor { get; } = VendorCatalog.All.Single(v => v.Surfaces.Any(s => s.Name == catalogName));

    /// <summary>This surface in the catalog.</summary>
    public SimulatedSurface InCatalog => Vendor.Surface(catalogName);

    public SimulatorHost CreateSimulator(TimeProvider? clock = null) => Vendor.CreateSimulator(new SimulatorHostOptions { TimeProvider = clock });

    public Uri ApiBase(SimulatorHost sim) => InCatalog.ApiBase(sim);

    public abstract ChatApiClient CreateClient(Uri baseAddress, ClientSettings settings);

    public abstract SurfaceCall Read { get; }

    public abstract SurfaceCall Write { get; }

    /// <summary>The credentials a client of this surface holds (for the secrets check).</summary>
    public abstract IEnumerable<string> Secrets { get; }

    /// <summary>
    /// The credentials this surface's test client is configured with: the ones it can redact when a server
    /// echoes them. <see cref="Secrets"/> may also list other accounts' keys of the simulator, which a client
    /// never sees and so cannot know to hide.
    /// </summary>
    public virtual IEnumerable<string> ClientCredentials => Secrets;

    /// <summary>An error body shaped like the vendor's, for injected error statuses.</summary>
    public abstract string ErrorBody(string code, string message);

    public SurfaceCall Call(string which) => which == "read" ? Read : Write;

    public override string ToString() => Name;
}
