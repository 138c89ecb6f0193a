using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Http;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;

namespace ChatApis.AssistLoop.Tests;

/// <summary>What one call may change (<see cref="RequestOptions"/>), and the User-Agent every request carries.</summary>
public sealed class RequestOptionsTests : AssistLoopTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Methods => new()
    {
        "Authorize", "ExchangeCode", "GetMe", "Subscribe", "Unsubscribe", "ListConversations", "RecentSamples", "Close",
        "ListMessages", "GetMessagesPage", "Reply", "ListOrganizations", "ListAgents",
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_idempotency_key_is_refused_naming_options_because_AssistLoop_honours_none(string method)
    {
        var client = Client(AssistLoopSurface.Make, o => o.RedirectUri = new Uri(AssistLoopSimulator.MakeRedirectUri));
        var options = new RequestOptions { IdempotencyKey = "my-key-1" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call(client, method, options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("does not take an idempotency key", error.Message, StringComparison.Ordinal);
        Assert.Empty(Sim.Journal.Requests);
    }

    [Fact]
    public async Task An_extra_header_is_sent_on_the_call_it_was_given_to_only()
    {
        var client = Client();
        var options = new RequestOptions().AddHeader("X-Correlation-Id", "corr-42");

        await client.ReplyAsync(AssistLoopSimulator.ConversationUuid, "Hello", options, Ct);
        await client.GetMeAsync(cancellationToken: Ct);

        Assert.Equal("corr-42", Sim.Journal.Requests[0].Headers["X-Correlation-Id"]);
        AssertBearer(Sim.Journal.Requests[0]);
        Assert.False(Sim.Journal.Requests[1].Headers.ContainsKey("X-Correlation-Id"));
    }

    [Fact]
    public async Task A_per_call_timeout_replaces_the_total_timeout_for_that_call()
    {
        var client = Client(configure: o => { o.AttemptTimeout = TimeSpan.FromMinutes(5); o.TotalTimeout = TimeSpan.FromMinutes(10); });
        Sim.Faults.On("GET", "/api/v1/oauth/me").Once(Fault.Hang());

        // Timers of 2 s advance the clock by themselves; the client's own 5- and 10-minute limits would not.
        Clock.AutoAdvanceLimit = TimeSpan.FromSeconds(2);
        var error = await Assert.ThrowsAsync<ChatApiTransportException>(
            () => client.GetMeAsync(new RequestOptions { Timeout = TimeSpan.FromSeconds(2) }, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.True(error.IsTimeout);
        Assert.Contains("total 00:00:02", error.Message, StringComparison.Ordinal);
        Assert.Contains(TimeSpan.FromSeconds(2), Clock.AutoAdvancedDelays);

        // The 2-second timer moves the clock as soon as it is set, so the call may end before the server saw it.
        Assert.True(Sim.Journal.Count <= 1);
    }

    [Fact]
    public async Task Every_request_sends_the_package_user_agent_with_the_application_s_own_appended()
    {
        var issued = Sim.IssueTokens(expiresIn: TimeSpan.Zero);
        var client = Client(configure: o => { o.AccessToken = issued.AccessToken; o.RefreshToken = issued.RefreshToken; o.AccessTokenExpiresAt = issued.ExpiresAt; o.UserAgent = "SupportBridge/2.1"; });

        await client.GetMeAsync(cancellationToken: Ct);

        var expected = $"ChatApis.AssistLoop/0.1.0 (.NET {Environment.Version}) SupportBridge/2.1";
        Assert.Equal(["POST /oauth/token", "GET /api/v1/oauth/me"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Equal(expected, Sim.Journal.Last.Headers["User-Agent"]);
        Assert.StartsWith("ChatApis.AssistLoop/0.1.0 (.NET ", Sim.Journal.Requests[0].Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal($"ChatApis.AssistLoop/0.1.0 (.NET {Environment.Version})", AssistLoopVendor.Instance.UserAgent);
    }

    private static Task Call(AssistLoopClient client, string method, RequestOptions options)
    {
        var target = new Uri("https://hooks.example.com/assistloop");
        return method switch
        {
            "Authorize" => client.AuthorizeAsync("state", sessionCookie: AssistLoopSimulator.SessionCookie, options: options, cancellationToken: Ct),
            "ExchangeCode" => client.ExchangeCodeAsync("code", options: options, cancellationToken: Ct),
            "GetMe" => client.GetMeAsync(options, Ct),
            "Subscribe" => client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, target, AssistLoopWebhookEventType.NewConversation, options: options, cancellationToken: Ct),
            "Unsubscribe" => client.UnsubscribeWebhookAsync("whk_1", options, Ct),
            "ListConversations" => OnlyPage(client.ListConversationsAsync(AssistLoopSimulator.AgentUuid, options: options, cancellationToken: Ct)),
            "RecentSamples" => client.GetRecentSamplesAsync(AssistLoopSimulator.AgentUuid, options: options, cancellationToken: Ct),
            "Close" => client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, options, Ct),
            "ListMessages" => OnlyPage(client.ListMessagesAsync(AssistLoopSimulator.ConversationUuid, options: options, cancellationToken: Ct)),
            "GetMessagesPage" => client.GetMessagesPageAsync(AssistLoopSimulator.ConversationUuid, options: options, cancellationToken: Ct),
            "Reply" => client.ReplyAsync(AssistLoopSimulator.ConversationUuid, "Hello", options, Ct),
            "ListOrganizations" => OnlyPage(client.ListOrganizationsAsync(options, Ct)),
            "ListAgents" => OnlyPage(client.ListAgentsAsync(AssistLoopSimulator.MakeOrganizationUuid, options, Ct)),
            _ => throw new InvalidOperationException(method),
        };
    }
}
