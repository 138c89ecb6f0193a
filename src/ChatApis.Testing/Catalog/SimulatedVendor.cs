namespace ChatApis.Testing.Catalog;

/// <summary>
/// One vendor as the repository's tools see it: its simulator, its API surfaces, the seeded settings a client needs
/// and the lines the standalone simulator prints about it. <see cref="VendorCatalog.All"/> lists every vendor, so
/// the simulator tool, the reliability suite, the QuickStart and the smoke scripts read one list instead of keeping
/// their own.
/// </summary>
public abstract class SimulatedVendor
{
    /// <summary>The vendor's name (e.g. <c>Zipchat</c>): the package is <c>ChatApis.&lt;Name&gt;</c> and its configuration section <c>ChatApis:&lt;Name&gt;</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How the simulator tool's help names the vendor, e.g. <c>AssistLoop (Zapier and Make surfaces, with OAuth)</c>.</summary>
    public virtual string Description => Name;

    /// <summary>The NuGet package of the vendor's client.</summary>
    public string PackageId => "ChatApis." + Name;

    /// <summary>The configuration section the vendor's client binds, e.g. <c>ChatApis:Zipchat</c>.</summary>
    public string ConfigurationSection => "ChatApis:" + Name;

    /// <summary>The vendor's API surfaces, each under its own path of the one simulator; the first is the client's default.</summary>
    public abstract IReadOnlyList<SimulatedSurface> Surfaces { get; }

    /// <summary>
    /// The seeded client settings (besides <c>BaseAddress</c>) that reach the simulator, by the name of the client
    /// option (e.g. <c>ApiKey</c>, <c>ChatId</c>): the simulator's own test values, not secrets.
    /// </summary>
    public abstract IReadOnlyDictionary<string, string> SeededSettings { get; }

    /// <summary>The routes the simulator tool's help lists, one line each, without the vendor's name.</summary>
    public abstract IReadOnlyList<string> Routes { get; }

    /// <summary>The seeded credentials the simulator tool prints, one line each, without the vendor's name.</summary>
    public abstract IReadOnlyList<string> Credentials { get; }

    /// <summary>A first request to try against the running simulator (a curl command line), one or more.</summary>
    public abstract IReadOnlyList<string> TryCommands(SimulatorHost simulator);

    /// <summary>Creates the vendor's simulator (not started).</summary>
    public abstract SimulatorHost CreateSimulator(SimulatorHostOptions? options = null);

    /// <summary>
    /// Adds the generated data <paramref name="seed"/> asks of this vendor to its started or unstarted
    /// <paramref name="simulator"/> (one <see cref="CreateSimulator"/> made); vendors without generated data add nothing.
    /// </summary>
    /// <param name="simulator">The vendor's simulator.</param>
    /// <param name="seed">How much to add.</param>
    /// <exception cref="ArgumentException"><paramref name="simulator"/> is not this vendor's simulator.</exception>
    public virtual void Seed(SimulatorHost simulator, SimulatorSeed seed)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(seed);
    }

    /// <summary>The surface called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The vendor has no such surface.</exception>
    public SimulatedSurface Surface(string name) =>
        Surfaces.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"{Name} has no surface '{name}'; it has: {string.Join(", ", Surfaces.Select(s => s.Name))}.", nameof(name));

    /// <inheritdoc />
    public override string ToString() => Name;
}
