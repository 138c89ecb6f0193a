using ChatApis.Chatting;
using Microsoft.Extensions.Configuration;

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
