using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

/// <summary>
/// Every client method once against the simulator: the call handler refuses a request whose method or path
/// template differ from its operation's, so each call going out proves its Refit method and its operation agree.
/// </summary>
public sealed class WireContractTests : AssistLoopTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_goes_out_as_its_operation_declares_on_the_Make_surface()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.Zero);
        var store = new InMemoryTokenStore(new OAuthTokens(issued.AccessToken, issued.RefreshToken, issued.ExpiresAt));
        var client = Client(AssistLoopSurface.Make, o => { o.TokenStore = store; o.RedirectUri = new Uri(AssistLoopSimulator.MakeRedirectUri); });
        var hook = new Uri("https://hooks.example.com/assistloop");

        await client.GetMeAsync(cancellationToken: Ct);
        var authorized = await client.AuthorizeAsync("state-1", scopes: AssistLoopScopes.All, sessionCookie: AssistLoopSimulator.SessionCookie, cancellationToken: Ct);
        await client.ExchangeCodeAsync(authorized.Value.Code, cancellationToken: Ct);
        var subscription = await client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, hook, AssistLoopWebhookEventType.NewConversation, cancellationToken: Ct);
        await client.UnsubscribeWebhookAsync(subscription.Value.Id, cancellationToken: Ct);
        await OnlyPage(client.ListOrganizationsAsync(cancellationToken: Ct));
        await OnlyPage(client.ListAgentsAsync(AssistLoopSimulator.MakeOrganizationUuid, cancellationToken: Ct));
        await OnlyPage(client.ListConversationsAsync(AssistLoopSimulator.MakeAgentUuid, cancellationToken: Ct));
        await client.GetRecentSamplesAsync(AssistLoopSimulator.MakeAgentUuid, cancellationToken: Ct);
        await OnlyPage(client.ListMessagesAsync(AssistLoopSimulator.MakeConversationUuid, cancellationToken: Ct));
        await client.GetMessagesPageAsync(AssistLoopSimulator.MakeConversationUuid, cancellationToken: Ct);
        await client.ReplyAsync(AssistLoopSimulator.MakeConversationUuid, "Hello", cancellationToken: Ct);
        await client.CloseConversationAsync(AssistLoopSimulator.MakeConversationUuid, cancellationToken: Ct);

        var agent = AssistLoopSimulator.MakeAgentUuid;
        var conversation = AssistLoopSimulator.MakeConversationUuid;
        Assert.Equal(
            [
                "POST /oauth/token",
                "GET /v1/oauth/me",
                "POST /v1/oauth/authorize",
                "POST /oauth/token",
                "POST /v1/webhooks/subscribe",
                $"DELETE /v1/webhooks/unsubscribe/{subscription.Value.Id}",
                "GET /v1/my/organizations",
                $"GET /v1/organizations/{AssistLoopSimulator.MakeOrganizationUuid}/agents",
                $"GET /v1/automation/agents/{agent}/conversations/list",
                $"GET /v1/automation/agents/{agent}/conversations/recent-sample",
                $"GET /v1/automation/conversations/{conversation}/messages/find",
                $"GET /v1/automation/conversations/{conversation}/messages/find",
                $"POST /v1/automation/conversations/{conversation}/reply",
                $"POST /v1/automation/conversations/{conversation}/close",
            ],
            Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    public async Task A_dot_segment_id_is_refused_and_never_sent(string id)
    {
        var client = Client();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CloseConversationAsync(id, cancellationToken: Ct));

        Assert.Equal("conversationUuid", error.ParamName);
        Assert.Empty(Sim.Journal.Requests);
    }
}
