using ChatApis.Chatting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.TrimSmoke;

/// <summary>Chatting: the account behind the API key (<c>GET /me</c>), every field against the raw response.</summary>
internal static class ChattingCheck
{
    // The simulator's seeded workspace (the documents' GET /me example).
    private const string WorkspaceId = "owner_123";

    public static async Task<SmokeReport> RunAsync(ChattingClient client, IConfiguration section, HttpClient http, CancellationToken cancellationToken)
    {
        var report = new SmokeReport("Chatting");
        var response = await client.GetMeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var raw = await RawJson.GetAsync(http, new Uri(client.BaseAddress, "me"), "X-API-Key", section["ApiKey"] ?? "", cancellationToken).ConfigureAwait(false);

        var account = response.Value;
        report.Expect(account.WorkspaceId == WorkspaceId && account.TeamName == "Acme Team", $"workspace {WorkspaceId} of Acme Team");
        new JsonFieldCheck("me", raw, account, report)
            .Boolean("ok", account.Ok)
            .String("workspace_id", account.WorkspaceId)
            .String("team_name", account.TeamName)
            .String("owner_email", account.OwnerEmail)
            .Complete();

        report.Summary = $"GetMeAsync: workspace {account.WorkspaceId} ({account.TeamName})";
        return report;
    }
}

/// <summary>Chatting's place in the smoke run.</summary>
internal sealed class ChattingSmoke : SmokeCheck
{
    public override string Vendor => "Chatting";

    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string> { ["ApiKey"] = "ck_live_5f0c3a9e8b7d4c21a0e6f1b2c3d4e5f6" };

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Join() => Register(new ChattingSmoke());

    public override void AddClient(IServiceCollection services, IConfiguration section) => services.AddChattingClient(section);

    public override Task<SmokeReport> RunAsync(IServiceProvider services, IConfiguration section, HttpClient http, CancellationToken cancellationToken) =>
        ChattingCheck.RunAsync(services.GetRequiredService<ChattingClient>(), section, http, cancellationToken);
}
