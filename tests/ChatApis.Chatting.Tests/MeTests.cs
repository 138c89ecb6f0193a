using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

public sealed class MeTests : ChattingTestBase
{
    [Fact]
    public async Task GetMe_sends_the_key_and_reads_every_documented_field()
    {
        var response = await Client.GetMeAsync(cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        AssertRequest(request, "GET", "/api/zapier/me");
        Assert.Empty(request.BodyBytes);
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.Null(response.IdempotencyKey);
        var me = response.Value;
        Assert.True(me.Ok);
        Assert.Equal("owner_123", me.WorkspaceId);
        Assert.Equal("Acme Team", me.TeamName);
        Assert.Equal("owner@example.com", me.OwnerEmail);
        Assert.Null(me.AdditionalProperties);
    }

    [Fact]
    public async Task GetMe_reads_the_documented_example_served_verbatim()
    {
        Sim.Faults.On("GET", "/api/zapier/me").Once(Fault.ReplaceBody(Fixture("me-response.json"), "application/json"));

        ChattingAccount me = await Client.GetMeAsync(cancellationToken: Ct);

        Assert.True(me.Ok);
        Assert.Equal("owner_123", me.WorkspaceId);
        Assert.Equal("Acme Team", me.TeamName);
        Assert.Equal("owner@example.com", me.OwnerEmail);
    }

    [Fact]
    public async Task GetMe_keeps_unknown_fields_and_tolerates_missing_ones()
    {
        Sim.Faults.On("GET", "/api/zapier/me").Once(Fault.ReplaceBody("""{"ok":true,"workspace_id":"owner_9","plan":"pro"}""", "application/json"));

        ChattingAccount me = await Client.GetMeAsync(cancellationToken: Ct);

        Assert.Equal("owner_9", me.WorkspaceId);
        Assert.Null(me.TeamName);
        Assert.Null(me.OwnerEmail);
        Assert.Equal("pro", me.AdditionalProperties!["plan"].GetString());
    }

    [Fact]
    public async Task GetMe_of_another_workspace_reports_that_workspace()
    {
        var client = CreateClient(ChattingSimulator.NoSiteApiKey);

        ChattingAccount me = await client.GetMeAsync(cancellationToken: Ct);

        Assert.Equal(ChattingSimulator.NoSiteApiKey, Sim.Journal.Last.Headers["X-API-Key"]);
        Assert.Equal(ChattingSimulator.NoSiteWorkspaceId, me.WorkspaceId);
        Assert.Equal("Side Project", me.TeamName);
        Assert.Equal("solo@example.com", me.OwnerEmail);
    }

    [Fact]
    public async Task An_unknown_key_is_an_authentication_error_that_never_shows_the_key()
    {
        const string wrongKey = "ck_live_ffffffffffffffffffffffffffffffff";
        var client = CreateClient(wrongKey);

        var error = await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => client.GetMeAsync(cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("api-key-invalid", error.ErrorCode);
        Assert.Equal(ChattingErrorCode.ApiKeyInvalid, error.GetChattingErrorCode());
        Assert.Equal("Chatting", error.Vendor);
        Assert.DoesNotContain(wrongKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, error.ToString(), StringComparison.Ordinal);
        Assert.Single(Sim.Journal.Requests);
    }
}
