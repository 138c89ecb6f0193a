namespace ChatApis.Testing.Catalog;

/// <summary>One API surface of a vendor: its name and where its API starts on the vendor's simulator.</summary>
/// <param name="Name">The surface's name as the simulator tool prints it, e.g. <c>AssistLoop Zapier</c> or <c>Zipchat</c>.</param>
/// <param name="ApiPath">The API's path under the simulator's address (empty when the API starts at the root), e.g. <c>api/v1/</c>.</param>
public sealed record SimulatedSurface(string Name, string ApiPath)
{
    /// <summary>The surface's base address on <paramref name="simulator"/>: what a client's <c>BaseAddress</c> is set to.</summary>
    public Uri ApiBase(SimulatorHost simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return new Uri(simulator.BaseAddress, ApiPath);
    }
}
