using System.Net;
using ChatApis.AssistLoop;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;

namespace ChatApis.Contract.Tests.AssistLoop;

/// <summary>AssistLoop's Make surface (https://api.assistloop.ai/v1), against assistloop-make.txt.</summary>
[ContractSurface(Surface.AssistLoopMake)]
public sealed class AssistLoopMakeContractTests(ContractServer server) : AssistLoopContractTests(server, AssistLoopSurface.Make)
{
    protected override string Folder => "assistloop-make";

    protected override AssistLoopExampleTimes Times { get; } = new(
        NewConversationAt: Iso8601.At("2024-11-12T10:30:00Z"),
        HandoffAt: Iso8601.At("2024-11-12T10:35:00Z"),
        HandoffConversationCreatedAt: Iso8601.At("2024-11-12T10:30:00Z"),
        SampleAt: Iso8601.At("2024-11-12T10:30:00Z"),
        NewestMessageAt: Iso8601.At("2024-11-12T10:30:15.000000Z"),
        OlderMessageAt: Iso8601.At("2024-11-12T10:30:00.000000Z"));

    protected override Uri SubscribeTargetUrl { get; } = new("https://hook.integromat.com/abcd1234efgh5678");

    /// <summary>"Make OAuth Configuration": Redirect URI.</summary>
    protected override Uri RedirectUri { get; } = new("https://www.integromat.com/oauth/cb/app");

    /// <summary>"Make OAuth Configuration": "read:conversations read:messages manage:webhooks write:conversations".</summary>
    protected override AssistLoopScopes Scopes => AssistLoopScopes.All;

    // The Make page shows no OAuth request bodies: these are the Zapier page's parameters (one API) with the
    // Make configuration's redirect URI and scope, in the Zapier example's order.
    protected override string AuthorizeRequestJson => """
        {
          "client_id": "your-client-id",
          "redirect_uri": "https://www.integromat.com/oauth/cb/app",
          "scope": "read:conversations read:messages manage:webhooks write:conversations",
          "state": "random-state-string",
          "approved": true
        }
        """;

    protected override string CodeExchangeRequestJson => """
        {
          "grant_type": "authorization_code",
          "client_id": "your-client-id",
          "client_secret": "your-client-secret",
          "redirect_uri": "https://www.integromat.com/oauth/cb/app",
          "code": "def50200a1b2c3..."
        }
        """;

    /// <summary>
    /// The Make page gives two authorize URLs: "POST /api/v1/oauth/authorize" (OAuth 2.0 Endpoints) and
    /// "https://api.assistloop.ai/v1/oauth/authorize" (Make OAuth Configuration). Either is documented.
    /// </summary>
    protected override ExpectedRequest AuthorizeEndpoint() => base.AuthorizeEndpoint().OrPath("/v1/oauth/authorize");

    [Fact]
    [Covers("GET /my/organizations", Aspect.Request | Aspect.Response)]
    public async Task Get_workspaces_reads_every_organization()
    {
        var stub = Wire.Expect(Get("/my/organizations"), Answer(200, Doc("get-workspaces.response.json")));

        var organizations = await Wire.CallAsync(ct => OnePage(Client().ListOrganizationsAsync(cancellationToken: ct)), stub);

        Assert.Equal(RequestId, organizations.Response.RequestId);
        Assert.Collection(
            organizations.Items,
            acme =>
            {
                Assert.Equal("org_abc123xyz", acme.OrganizationUuid);
                Assert.Equal("org_abc123xyz", acme.Id);
                Assert.Equal("Acme Corp", acme.Name);
                Unmapped.None(acme);
            },
            startup =>
            {
                Assert.Equal("org_def456uvw", startup.OrganizationUuid);
                Assert.Equal("org_def456uvw", startup.Id);
                Assert.Equal("Tech Startup Inc", startup.Name);
                Unmapped.None(startup);
            });
    }

    [Fact]
    [Covers("GET /organizations/{organization_uuid}/agents", Aspect.Request | Aspect.Response)]
    public async Task Get_agents_of_a_workspace_reads_every_agent()
    {
        var stub = Wire.Expect(Get("/organizations/org_abc123xyz/agents"), Answer(200, Doc("get-agents.response.json")));

        var agents = await Wire.CallAsync(ct => OnePage(Client().ListAgentsAsync("org_abc123xyz", cancellationToken: ct)), stub);

        Assert.Equal(RequestId, agents.Response.RequestId);
        Assert.Collection(
            agents.Items,
            support =>
            {
                Assert.Equal("agent_abc123", support.AgentUuid);
                Assert.Equal("agent_abc123", support.Id);
                Assert.Equal("Support Bot", support.Name);
                Unmapped.None(support);
            },
            sales =>
            {
                Assert.Equal("agent_def456", sales.AgentUuid);
                Assert.Equal("agent_def456", sales.Id);
                Assert.Equal("Sales Assistant", sales.Name);
                Unmapped.None(sales);
            });
    }

    [Fact]
    [Covers("GET /automation/agents/{agentUuid}/conversations/list", Aspect.Request | Aspect.Response)]
    public async Task Get_conversations_for_the_dropdown_asks_for_100_and_reads_the_example()
    {
        var stub = Wire.Expect(Get("/automation/agents/agent_abc123/conversations/list").Query("per_page", "100"), Answer(200, Doc("get-conversations.response.json")));

        var list = await Wire.CallAsync(ct => OnePage(Client().ListConversationsAsync("agent_abc123", perPage: 100, cancellationToken: ct)), stub);

        var conversation = Assert.Single(list.Items);
        Assert.Equal("conv_abc123xyz", conversation.Id);
        Assert.Equal("conv_abc123xyz", conversation.Uuid);
        Assert.Equal("sess_xyz789", conversation.SessionId);
        Assert.Equal(AssistLoopResponseMode.Ai, conversation.ResponseMode);
        Assert.True(conversation.IsOpen);
        Assert.False(conversation.LastMessageSeen);
        Assert.Null(conversation.DeletedAt);
        Assert.NotNull(conversation.ChatUser);
        Assert.Equal("John Doe", conversation.ChatUser.Name);
        Assert.Equal(ProtectedEmail, conversation.ChatUser.Email);
        Assert.Equal("+1", conversation.ChatUser.CountryCode);
        Assert.Equal("user_12345", conversation.ChatUser.ChatUserId);
        Unmapped.None(conversation, conversation.ChatUser);
    }

    [Fact]
    [Covers("POST /automation/conversations/{conversationUuid}/close", Aspect.Errors)]
    public async Task The_documented_429_body_is_a_rate_limit_error_with_its_retry_after()
    {
        var stub = Wire.Expect(
            Post("/automation/conversations/550e8400-e29b-41d4-a716-446655440000/close").Json(Doc("close-conversation.request.json")),
            Answer(429, Doc("rate-limiting-429-error-response.json")));

        var error = await Wire.FailsAsync<ChatApiRateLimitException>(ct => Client().CloseConversationAsync(ConversationUuid, cancellationToken: ct), stub);

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains("Too Many Attempts.", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(RequestId, error.RequestId);
    }

    [Theory]
    [CoversEndpointArgument(Aspect.Errors)]
    [InlineData("GET /my/organizations")]
    [InlineData("GET /organizations/{organization_uuid}/agents")]
    public async Task The_documented_not_found_error_on_each_make_only_endpoint_carries_code_message_and_request_id(string endpoint) =>
        await The_documented_not_found_error_on_each_endpoint_carries_code_message_and_request_id(endpoint);

    protected override (ExpectedRequest Request, Func<CancellationToken, Task> Call) EndpointCall(string endpoint) => endpoint switch
    {
        "GET /my/organizations" => (Get("/my/organizations"), ct => OnePage(Client().ListOrganizationsAsync(cancellationToken: ct))),
        "GET /organizations/{organization_uuid}/agents" => (Get("/organizations/org_abc123xyz/agents"), ct => OnePage(Client().ListAgentsAsync("org_abc123xyz", cancellationToken: ct))),
        _ => base.EndpointCall(endpoint),
    };
}
