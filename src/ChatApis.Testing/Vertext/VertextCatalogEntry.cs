using ChatApis.Testing.Catalog;

namespace ChatApis.Testing.Vertext;

/// <summary>Vertext in the <see cref="VendorCatalog"/>: its API at the simulator's root.</summary>
public sealed class VertextCatalogEntry : SimulatedVendor
{
    private VertextCatalogEntry()
    {
    }

    /// <summary>The one instance.</summary>
    public static VertextCatalogEntry Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "Vertext";

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces { get; } = [new("Vertext", "")];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string>
    {
        ["AccessToken"] = VertextSimulator.AccessToken,
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> Routes { get; } =
        ["/chatbots/list, /contacts/{chatbot_id}, /chatbots/{chatbot_id}/zapier_subscriptions[/{id}]"];

    /// <inheritdoc />
    public override IReadOnlyList<string> Credentials { get; } = [$"Authorization: Bearer {VertextSimulator.AccessToken}"];

    /// <inheritdoc />
    public override IReadOnlyList<string> TryCommands(SimulatorHost simulator) =>
        [$"curl -H \"Authorization: Bearer {VertextSimulator.AccessToken}\" \"{Surfaces[0].ApiBase(simulator)}chatbots/list?page=0&per_page=2\""];

    /// <inheritdoc />
    public override SimulatorHost CreateSimulator(SimulatorHostOptions? options = null) => new VertextSimulator(options);

    /// <inheritdoc />
    public override void Seed(SimulatorHost simulator, SimulatorSeed seed)
    {
        base.Seed(simulator, seed);
        var vertext = simulator as VertextSimulator ?? throw new ArgumentException($"Expected a {nameof(VertextSimulator)}, got {simulator.GetType().Name}.", nameof(simulator));
        vertext.AddGeneratedContacts(VertextSimulator.DemoChatbotId, seed.VertextContacts);
    }
}
