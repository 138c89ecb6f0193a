using ChatApis.Testing.Catalog;

namespace ChatApis.Testing.Chatting;

/// <summary>Chatting in the <see cref="VendorCatalog"/>: its Zapier API under <c>api/zapier/</c>.</summary>
public sealed class ChattingCatalogEntry : SimulatedVendor
{
    private ChattingCatalogEntry()
    {
    }

    /// <summary>The one instance.</summary>
    public static ChattingCatalogEntry Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "Chatting";

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces { get; } = [new("Chatting", "api/zapier/")];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string>
    {
        ["ApiKey"] = ChattingSimulator.ApiKey,
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> Routes { get; } =
    [
        "/api/zapier/me, webhooks/subscribe, webhooks/{id}, conversations, contacts,",
        "contacts/{id}/tags, conversations/{id}/messages",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> Credentials { get; } = [$"X-API-Key: {ChattingSimulator.ApiKey}"];

    /// <inheritdoc />
    public override IReadOnlyList<string> TryCommands(SimulatorHost simulator) =>
        [$"curl -H \"X-API-Key: {ChattingSimulator.ApiKey}\" {Surfaces[0].ApiBase(simulator)}me"];

    /// <inheritdoc />
    public override SimulatorHost CreateSimulator(SimulatorHostOptions? options = null) => new ChattingSimulator(options);
}
