using ChatApis.AssistLoop;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

public sealed class OrganizationTests : AssistLoopTestBase
{
    [Fact]
    public async Task Organizations_are_listed_from_the_documented_example()
    {
        var client = Client(AssistLoopSurface.Make);
        Serve("GET", "/v1/my/organizations", Fixture("make", "organizations"));

        var response = await OnlyPage(client.ListOrganizationsAsync(cancellationToken: TestContext.Current.CancellationToken));

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/my/organizations", request.Path);
        Assert.Equal("", request.QueryString);
        AssertBearer(request);
        Assert.Collection(
            response.Items,
            o => { Assert.Equal("org_abc123xyz", o.OrganizationUuid); Assert.Equal("org_abc123xyz", o.Id); Assert.Equal("Acme Corp", o.Name); },
            o => { Assert.Equal("org_def456uvw", o.OrganizationUuid); Assert.Equal("org_def456uvw", o.Id); Assert.Equal("Tech Startup Inc", o.Name); });
    }

    [Fact]
    public async Task Agents_of_an_organization_are_listed_from_the_documented_example()
    {
        var client = Client(AssistLoopSurface.Make);
        Serve("GET", "/v1/organizations/org_abc123xyz/agents", Fixture("make", "agents"));

        var response = await OnlyPage(client.ListAgentsAsync("org_abc123xyz", cancellationToken: TestContext.Current.CancellationToken));

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/v1/organizations/org_abc123xyz/agents", request.Path);
        AssertBearer(request);
        Assert.Collection(
            response.Items,
            a => { Assert.Equal("agent_abc123", a.AgentUuid); Assert.Equal("agent_abc123", a.Id); Assert.Equal("Support Bot", a.Name); },
            a => { Assert.Equal("agent_def456", a.AgentUuid); Assert.Equal("agent_def456", a.Id); Assert.Equal("Sales Assistant", a.Name); });
    }

    [Fact]
    public async Task The_simulator_serves_the_examples_and_walks_from_organization_to_conversation()
    {
        var client = Client(AssistLoopSurface.Make);

        var organizations = await OnlyPage(client.ListOrganizationsAsync(cancellationToken: TestContext.Current.CancellationToken));
        var agents = await OnlyPage(client.ListAgentsAsync(organizations.Items[0].OrganizationUuid, cancellationToken: TestContext.Current.CancellationToken));
        var conversations = await OnlyPage(client.ListConversationsAsync(agents.Items[0].AgentUuid, perPage: 100, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(["Acme Corp", "Tech Startup Inc"], organizations.Items.Select(o => o.Name));
        Assert.Equal(["Support Bot", "Sales Assistant"], agents.Items.Select(a => a.Name));
        Assert.Equal(AssistLoopSimulator.MakeConversationUuid, Assert.Single(conversations.Items).Uuid);
        Assert.Empty((await OnlyPage(client.ListAgentsAsync(AssistLoopSimulator.MakeSecondOrganizationUuid, cancellationToken: TestContext.Current.CancellationToken))).Items);
    }

    [Fact]
    public async Task An_unknown_organization_is_not_found()
    {
        var client = Client(AssistLoopSurface.Make);

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => OnlyPage(client.ListAgentsAsync("org_missing", cancellationToken: TestContext.Current.CancellationToken)));

        Assert.Equal("Organization not found", error.ErrorCode);
    }

    [Fact]
    public async Task Make_only_endpoints_refuse_a_Zapier_client_before_sending()
    {
        var client = Client(AssistLoopSurface.Zapier);

        // Refused when the method is called, not when the pageable is enumerated.
        var organizations = Assert.Throws<InvalidOperationException>(() => client.ListOrganizationsAsync(cancellationToken: TestContext.Current.CancellationToken));
        var agents = Assert.Throws<InvalidOperationException>(() => client.ListAgentsAsync("org_abc123xyz", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Make surface", organizations.Message, StringComparison.Ordinal);
        Assert.Contains("Zapier", agents.Message, StringComparison.Ordinal);
        Assert.Empty(Sim.Journal.Requests);
    }

    [Fact]
    public async Task The_Make_routes_do_not_exist_under_the_Zapier_base()
    {
        using var http = new HttpClient { BaseAddress = Sim.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/my/organizations");
        request.Headers.Authorization = new("Bearer", AssistLoopSimulator.AccessToken);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
