using ChatApis.Testing.Catalog;

namespace ChatApis.Testing.AssistLoop;

/// <summary>AssistLoop in the <see cref="VendorCatalog"/>: one simulator serving the Zapier and the Make surfaces and the OAuth flow.</summary>
public sealed class AssistLoopCatalogEntry : SimulatedVendor
{
    private AssistLoopCatalogEntry()
    {
    }

    /// <summary>The one instance.</summary>
    public static AssistLoopCatalogEntry Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "AssistLoop";

    /// <inheritdoc />
    public override string Description => "AssistLoop (Zapier and Make surfaces, with OAuth)";

    /// <inheritdoc />
    public override IReadOnlyList<SimulatedSurface> Surfaces { get; } = [new("AssistLoop Zapier", "api/v1/"), new("AssistLoop Make", "v1/")];

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string>
    {
        ["AccessToken"] = AssistLoopSimulator.AccessToken,
    };

    /// <inheritdoc />
    public override IReadOnlyList<string> Routes { get; } =
    [
        "Zapier surface  /api/v1/...   Make surface  /v1/...   OAuth token  /oauth/token (host root)",
        "oauth/authorize, oauth/me, webhooks/subscribe, webhooks/unsubscribe/{id},",
        "automation/agents/{agent}/conversations/list | recent-sample,",
        "automation/conversations/{id}/messages/find | reply | close,",
        "Make only: my/organizations, organizations/{org}/agents",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> Credentials { get; } =
    [
        $"Authorization: Bearer {AssistLoopSimulator.AccessToken}",
        $"client_id {AssistLoopSimulator.ClientId}, client_secret {AssistLoopSimulator.ClientSecret},",
        $"refresh_token {AssistLoopSimulator.RefreshToken}, session cookie {AssistLoopSimulator.SessionCookie}",
        $"agent {AssistLoopSimulator.AgentUuid}, organization {AssistLoopSimulator.OrganizationUuid}",
    ];

    /// <inheritdoc />
    public override IReadOnlyList<string> TryCommands(SimulatorHost simulator) =>
        [$"curl -H \"Authorization: Bearer {AssistLoopSimulator.AccessToken}\" {Surfaces[0].ApiBase(simulator)}oauth/me"];

    /// <inheritdoc />
    public override SimulatorHost CreateSimulator(SimulatorHostOptions? options = null) => new AssistLoopSimulator(options);
}
