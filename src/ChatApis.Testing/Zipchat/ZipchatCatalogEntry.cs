using System.Globalization;
using ChatApis.Testing.Catalog;

namespace ChatApis.Testing.Zipchat;

/// <summary>Zipchat in the <see cref="VendorCatalog"/>: its backend API under <see cref="ZipchatSimulator.ApiPath"/>.</summary>
public sealed class ZipchatCatalogEntry : SimulatedVendor
{
    private ZipchatCatalogEntry()
    {
    }

    /// <summary>The one instance.</summary>
    public static ZipchatCatalogEntry Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "Zipchat";

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces { get; } = [new("Zipchat", ZipchatSimulator.ApiPath)];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string>
    {
        ["ApiKey"] = ZipchatSimulator.ApiKey,
        ["ChatId"] = ZipchatSimulator.ChatId.ToString(CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> Routes { get; } =
    [
        "/api/integrations/backend_api/v1/chats/{chat_id}/conversations[/{id}[/assignment|/messages]],",
        "/api/integrations/backend_api/v1/chats/{chat_id}/users[/{id}]",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> Credentials { get; } =
        [$"Authorization: Bearer {ZipchatSimulator.ApiKey}   chat id {ZipchatSimulator.ChatId}"];

    /// <inheritdoc />
    public override IReadOnlyList<string> TryCommands(SimulatorHost simulator) =>
        [$"curl -H \"Authorization: Bearer {ZipchatSimulator.ApiKey}\" {Surfaces[0].ApiBase(simulator)}chats/{ZipchatSimulator.ChatId}/conversations"];

    /// <inheritdoc />
    public override SimulatorHost CreateSimulator(SimulatorHostOptions? options = null) => new ZipchatSimulator(options);

    /// <inheritdoc />
    public override void Seed(SimulatorHost simulator, SimulatorSeed seed)
    {
        base.Seed(simulator, seed);
        var zipchat = simulator as ZipchatSimulator ?? throw new ArgumentException($"Expected a {nameof(ZipchatSimulator)}, got {simulator.GetType().Name}.", nameof(simulator));
        zipchat.AddGeneratedConversations(seed.ZipchatConversations);
    }
}
