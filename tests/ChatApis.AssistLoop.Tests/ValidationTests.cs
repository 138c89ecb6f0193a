using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;

namespace ChatApis.AssistLoop.Tests;

/// <summary>Bad input is refused with an ArgumentException naming the parameter, before anything is sent.</summary>
public sealed class ValidationTests : AssistLoopTestBase
{
    private static readonly Uri Https = new("https://hooks.example.com/assistloop");

    public static TheoryData<string, string> BadCalls => new()
    {
        { "ListConversations agent empty", "agentUuid" },
        { "ListConversations agent null", "agentUuid" },
        { "ListConversations per_page 5", "perPage" },
        { "ListConversations per_page 101", "perPage" },
        { "ListConversations status 7", "status" },
        { "ListConversations mode empty", "responseMode" },
        { "ListConversations dates reversed", "createdFrom" },
        { "RecentSamples agent empty", "agentUuid" },
        { "RecentSamples limit 0", "limit" },
        { "RecentSamples limit 11", "limit" },
        { "RecentSamples type empty", "type" },
        { "Close id null", "conversationUuid" },
        { "Close id blank", "conversationUuid" },
        { "GetMessagesPage id empty", "conversationUuid" },
        { "GetMessagesPage per_page 5", "perPage" },
        { "GetMessagesPage per_page 101", "perPage" },
        { "ListMessages id null", "conversationUuid" },
        { "ListMessages per_page 5", "perPage" },
        { "ListMessages per_page 101", "perPage" },
        { "ListMessages dates reversed", "createdFrom" },
        { "Reply id null", "conversationUuid" },
        { "Reply content empty", "content" },
        { "Reply content null", "content" },
        { "Subscribe organization empty", "organizationUuid" },
        { "Subscribe agent null", "agentUuid" },
        { "Subscribe target http", "targetUrl" },
        { "Subscribe target null", "targetUrl" },
        { "Subscribe target relative", "targetUrl" },
        { "Subscribe event empty", "eventType" },
        { "Subscribe external id 256", "externalId" },
        { "Subscribe external id empty", "externalId" },
        { "Unsubscribe id null", "subscriptionId" },
        { "Unsubscribe id empty", "subscriptionId" },
        { "ListAgents organization empty", "organizationUuid" },
        { "Authorize state empty", "state" },
        { "Authorize no redirect", "redirectUri" },
        { "Authorize bad scope", "scopes" },
        { "Exchange code empty", "code" },
        { "Exchange redirect relative", "redirectUri" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Bad_input_is_rejected_before_any_request(string call, string parameter)
    {
        var client = Client(AssistLoopSurface.Make, o => o.TokenStore = new InMemoryTokenStore(new OAuthTokens(ChatApis.Testing.AssistLoop.AssistLoopSimulator.AccessToken, null, null)));
        var ct = TestContext.Current.CancellationToken;
        Func<Task> act = call switch
        {
            "ListConversations agent empty" => () => Drain(client.ListConversationsAsync("", cancellationToken: ct)),
            "ListConversations agent null" => () => Drain(client.ListConversationsAsync(null!, cancellationToken: ct)),
            "ListConversations per_page 5" => () => Drain(client.ListConversationsAsync("a", perPage: 5, cancellationToken: ct)),
            "ListConversations per_page 101" => () => Drain(client.ListConversationsAsync("a", perPage: 101, cancellationToken: ct)),
            "ListConversations status 7" => () => Drain(client.ListConversationsAsync("a", (AssistLoopConversationStatus)7, cancellationToken: ct)),
            "ListConversations mode empty" => () => Drain(client.ListConversationsAsync("a", responseMode: default(AssistLoopResponseMode), cancellationToken: ct)),
            "ListConversations dates reversed" => () => Drain(client.ListConversationsAsync("a", createdFrom: Utc("2025-02-01T00:00:00Z"), createdTo: Utc("2025-01-01T00:00:00Z"), cancellationToken: ct)),
            "RecentSamples agent empty" => () => client.GetRecentSamplesAsync(" ", cancellationToken: ct),
            "RecentSamples limit 0" => () => client.GetRecentSamplesAsync("a", 0, cancellationToken: ct),
            "RecentSamples limit 11" => () => client.GetRecentSamplesAsync("a", 11, cancellationToken: ct),
            "RecentSamples type empty" => () => client.GetRecentSamplesAsync("a", type: AssistLoopWebhookEventType.FromValue(""), cancellationToken: ct),
            "Close id null" => () => client.CloseConversationAsync(null!, cancellationToken: ct),
            "Close id blank" => () => client.CloseConversationAsync("  ", cancellationToken: ct),
            "GetMessagesPage id empty" => () => client.GetMessagesPageAsync("", cancellationToken: ct),
            "GetMessagesPage per_page 5" => () => client.GetMessagesPageAsync("c", perPage: 5, cancellationToken: ct),
            "GetMessagesPage per_page 101" => () => client.GetMessagesPageAsync("c", perPage: 101, cancellationToken: ct),
            "ListMessages id null" => () => Drain(() => client.ListMessagesAsync(null!, cancellationToken: ct)),
            "ListMessages per_page 5" => () => Drain(() => client.ListMessagesAsync("c", perPage: 5, cancellationToken: ct)),
            "ListMessages per_page 101" => () => Drain(() => client.ListMessagesAsync("c", perPage: 101, cancellationToken: ct)),
            "ListMessages dates reversed" => () => Drain(() => client.ListMessagesAsync("c", Utc("2025-02-01T00:00:00Z"), Utc("2025-01-01T00:00:00Z"), cancellationToken: ct)),
            "Reply id null" => () => client.ReplyAsync(null!, "hi", cancellationToken: ct),
            "Reply content empty" => () => client.ReplyAsync("c", "", cancellationToken: ct),
            "Reply content null" => () => client.ReplyAsync("c", null!, cancellationToken: ct),
            "Subscribe organization empty" => () => client.SubscribeWebhookAsync("", "a", Https, AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            "Subscribe agent null" => () => client.SubscribeWebhookAsync("o", null!, Https, AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            "Subscribe target http" => () => client.SubscribeWebhookAsync("o", "a", new Uri("http://hooks.example.com/x"), AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            "Subscribe target null" => () => client.SubscribeWebhookAsync("o", "a", null!, AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            "Subscribe target relative" => () => client.SubscribeWebhookAsync("o", "a", new Uri("/hook", UriKind.Relative), AssistLoopWebhookEventType.NewConversation, cancellationToken: ct),
            "Subscribe event empty" => () => client.SubscribeWebhookAsync("o", "a", Https, default, cancellationToken: ct),
            "Subscribe external id 256" => () => client.SubscribeWebhookAsync("o", "a", Https, AssistLoopWebhookEventType.NewConversation, new string('x', 256), cancellationToken: ct),
            "Subscribe external id empty" => () => client.SubscribeWebhookAsync("o", "a", Https, AssistLoopWebhookEventType.NewConversation, "", cancellationToken: ct),
            "Unsubscribe id null" => () => client.UnsubscribeWebhookAsync(null!, cancellationToken: ct),
            "Unsubscribe id empty" => () => client.UnsubscribeWebhookAsync("", cancellationToken: ct),
            "ListAgents organization empty" => () => Drain(client.ListAgentsAsync("", cancellationToken: ct)),
            "Authorize state empty" => () => client.AuthorizeAsync("", new Uri(ChatApis.Testing.AssistLoop.AssistLoopSimulator.MakeRedirectUri), cancellationToken: ct),
            "Authorize no redirect" => () => client.AuthorizeAsync("s", cancellationToken: ct),
            "Authorize bad scope" => () => client.AuthorizeAsync("s", new Uri(ChatApis.Testing.AssistLoop.AssistLoopSimulator.MakeRedirectUri), (AssistLoopScopes)128, cancellationToken: ct),
            "Exchange code empty" => () => client.ExchangeCodeAsync("", new Uri(ChatApis.Testing.AssistLoop.AssistLoopSimulator.MakeRedirectUri), cancellationToken: ct),
            "Exchange redirect relative" => () => client.ExchangeCodeAsync("code", new Uri("/cb", UriKind.Relative), cancellationToken: ct),
            _ => throw new InvalidOperationException(call),
        };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(act);

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(Sim.Journal.Requests);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(101)]
    public async Task The_per_page_message_states_the_documented_limit(int perPage)
    {
        var client = Client();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => client.ListConversationsAsync("a", perPage: perPage, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("between 10 and 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_external_id_message_states_the_documented_limit()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeWebhookAsync("o", "a", Https, AssistLoopWebhookEventType.NewConversation, new string('x', 256), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("at most 255 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_target_is_accepted_only_on_loopback()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeWebhookAsync("o", "a", new Uri("http://hooks.example.com/x"), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken));
        await client.SubscribeWebhookAsync(ChatApis.Testing.AssistLoop.AssistLoopSimulator.OrganizationUuid, ChatApis.Testing.AssistLoop.AssistLoopSimulator.AgentUuid, new Uri("http://127.0.0.1:9/hook"), AssistLoopWebhookEventType.NewConversation, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Single(Sim.Subscriptions);
    }

    // Arguments are checked when the method is called; enumerating would send.
    private static async Task Drain<T>(Func<IAsyncEnumerable<T>> items)
    {
        await foreach (var _ in items())
        {
        }
    }

    private static Task Drain<T>(IAsyncEnumerable<T> items) => Drain(() => items);
}
