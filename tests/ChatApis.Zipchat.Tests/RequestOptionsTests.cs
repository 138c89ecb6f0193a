using ChatApis.Http;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

/// <summary>
/// Per-call settings on the Zipchat client: Zipchat documents no idempotency key, so a caller's key is refused
/// before any request (a replay promise the server would not keep); a call's own timeout and extra headers apply
/// to every request the call makes.
/// </summary>
public sealed class RequestOptionsTests : ZipchatTestBase
{
    private const string UsersPath = "/api/integrations/backend_api/v1/chats/1/users";

    private static readonly ZipchatWatchCursor Cursor = ZipchatWatchCursor.StartingAt(T0);

    public static TheoryData<string> EveryMethod => new()
    {
        nameof(ZipchatClient.ListConversationsAsync),
        nameof(ZipchatClient.GetConversationsPageAsync),
        nameof(ZipchatClient.GetConversationAsync),
        nameof(ZipchatClient.ListMessagesAsync),
        nameof(ZipchatClient.PollNewMessagesAsync),
        nameof(ZipchatClient.WatchNewMessagesAsync),
        nameof(ZipchatClient.ListUsersAsync),
        nameof(ZipchatClient.GetUsersPageAsync),
        nameof(ZipchatClient.GetUserAsync),
        nameof(ZipchatClient.TakeOverConversationAsync),
        nameof(ZipchatClient.HandBackToAiAsync),
        nameof(ZipchatClient.UpdateAssignmentAsync),
        nameof(ZipchatClient.SendMessageAsync),
    };

    [Theory]
    [MemberData(nameof(EveryMethod))]
    public async Task An_idempotency_key_is_refused_by_every_method_before_any_request(string method)
    {
        var options = new RequestOptions { IdempotencyKey = "retry-me-1" };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Invoke(method, options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("idempotency key", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Sim.Journal.Requests);
    }

    [Fact]
    public void The_lazy_methods_refuse_the_key_when_called_not_when_enumerated()
    {
        var options = new RequestOptions { IdempotencyKey = "retry-me-1" };

        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Client.ListConversationsAsync(options: options, cancellationToken: Ct)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Client.ListMessagesAsync(ZipchatSimulator.WebConversationId, options: options, cancellationToken: Ct)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Client.ListUsersAsync(options: options, cancellationToken: Ct)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Client.PollNewMessagesAsync(ZipchatSimulator.WebConversationId, T0, TimeSpan.FromSeconds(5), options, Ct)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Client.WatchNewMessagesAsync(Cursor, options: options, cancellationToken: Ct)).ParamName);
        Assert.Empty(Sim.Journal.Requests);
    }

    [Fact]
    public async Task Extra_headers_go_out_on_the_call()
    {
        var options = new RequestOptions().AddHeader("X-Correlation-Id", "corr-7").AddHeader("X-Tenant", "shop");

        await Client.SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Hi", ZipchatSimulator.OwnerUserId, options, Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("corr-7", request.Headers["X-Correlation-Id"]);
        Assert.Equal("shop", request.Headers["X-Tenant"]);
        AssertAuthorized(request);
    }

    [Fact]
    public async Task Extra_headers_go_out_on_every_page_of_a_walk()
    {
        var options = new RequestOptions().AddHeader("X-Correlation-Id", "walk-1");

        var users = new List<ZipchatUser>();
        await foreach (var user in Client.ListUsersAsync(perPage: 1, options: options, cancellationToken: Ct))
        {
            users.Add(user);
        }

        Assert.True(Sim.Journal.Requests.Count > 1);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("walk-1", r.Headers["X-Correlation-Id"]));
        Assert.Equal(Sim.Journal.Requests.Count - 1, users.Count);
    }

    [Fact]
    public async Task Extra_headers_go_out_on_every_poll_of_a_stream()
    {
        var options = new RequestOptions().AddHeader("X-Correlation-Id", "poll-1");

        await using var messages = Client.PollNewMessagesAsync(ZipchatSimulator.WhatsAppConversationId, T0.AddDays(-30), TimeSpan.FromSeconds(5), options, Ct).GetAsyncEnumerator(Ct);
        Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.NotEmpty(Sim.Journal.Requests);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("poll-1", r.Headers["X-Correlation-Id"]));
    }

    [Fact]
    public async Task A_call_timeout_bounds_that_call_instead_of_the_clients_total_timeout()
    {
        // The client allows 5 minutes an attempt and 10 in all; this call allows 2 seconds.
        Sim.Faults.On("GET", UsersPath).Always(Fault.Hang());

        var call = Client.GetUsersPageAsync(options: new RequestOptions { Timeout = TimeSpan.FromSeconds(2) }, cancellationToken: Ct);
        await WaitForFirstRequestAsync();
        Clock.Advance(TimeSpan.FromSeconds(2));
        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        Assert.True(error.IsTimeout);
        Assert.Contains("total 00:00:02", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sim.Journal.Count);
    }

    private Task Invoke(string method, RequestOptions options)
    {
        const long Conversation = ZipchatSimulator.WhatsAppConversationId;
        const long User = ZipchatSimulator.OwnerUserId;
        return method switch
        {
            nameof(ZipchatClient.ListConversationsAsync) => Drain(() => Client.ListConversationsAsync(options: options, cancellationToken: Ct)),
            nameof(ZipchatClient.GetConversationsPageAsync) => Client.GetConversationsPageAsync(options: options, cancellationToken: Ct),
            nameof(ZipchatClient.GetConversationAsync) => Client.GetConversationAsync(Conversation, options: options, cancellationToken: Ct),
            nameof(ZipchatClient.ListMessagesAsync) => Drain(() => Client.ListMessagesAsync(Conversation, options: options, cancellationToken: Ct)),
            nameof(ZipchatClient.PollNewMessagesAsync) => Drain(() => Client.PollNewMessagesAsync(Conversation, T0, TimeSpan.FromSeconds(5), options, Ct)),
            nameof(ZipchatClient.WatchNewMessagesAsync) => Drain(() => Client.WatchNewMessagesAsync(Cursor, options: options, cancellationToken: Ct)),
            nameof(ZipchatClient.ListUsersAsync) => Drain(() => Client.ListUsersAsync(options: options, cancellationToken: Ct)),
            nameof(ZipchatClient.GetUsersPageAsync) => Client.GetUsersPageAsync(options: options, cancellationToken: Ct),
            nameof(ZipchatClient.GetUserAsync) => Client.GetUserAsync(User, options, Ct),
            nameof(ZipchatClient.TakeOverConversationAsync) => Client.TakeOverConversationAsync(Conversation, User, options, Ct),
            nameof(ZipchatClient.HandBackToAiAsync) => Client.HandBackToAiAsync(Conversation, options, Ct),
            nameof(ZipchatClient.UpdateAssignmentAsync) => Client.UpdateAssignmentAsync(Conversation, User, options, Ct),
            nameof(ZipchatClient.SendMessageAsync) => Client.SendMessageAsync(Conversation, "Hi", User, options, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
    }

    // Creating the stream is what must throw; the first step is awaited only if it did not.
    private static async Task Drain<T>(Func<IAsyncEnumerable<T>> create)
    {
        await using var items = create().GetAsyncEnumerator();
        await items.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task WaitForFirstRequestAsync()
    {
        using var arrival = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        arrival.CancelAfter(TimeSpan.FromSeconds(10));
        while (Sim.Journal.Count == 0)
        {
            Assert.False(arrival.IsCancellationRequested, "The request did not reach the server within 10 s.");
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
