namespace ChatApis.Zipchat.Tests;

public sealed class ArgumentValidationTests : ZipchatTestBase
{
    public static TheoryData<string, string, Func<ZipchatClient, object>> BadCalls => new()
    {
        { "per_page 0 (list)", "perPage", c => c.ListConversationsAsync(perPage: 0) },
        { "per_page 101 (list)", "perPage", c => c.ListConversationsAsync(perPage: 101) },
        { "per_page 0 (page)", "perPage", c => c.GetConversationsPageAsync(perPage: 0) },
        { "per_page 101 (page)", "perPage", c => c.GetConversationsPageAsync(perPage: 101) },
        { "page 0", "page", c => c.GetConversationsPageAsync(page: 0) },
        { "conversation id 0", "conversationId", c => c.GetConversationAsync(0) },
        { "conversation id -1", "conversationId", c => c.GetConversationAsync(-1) },
        { "message_per_page 201", "messagePerPage", c => c.GetConversationAsync(1, messagePerPage: 201) },
        { "message_per_page 0", "messagePerPage", c => c.GetConversationAsync(1, messagePerPage: 0) },
        { "message_page 0", "messagePage", c => c.GetConversationAsync(1, messagePage: 0) },
        { "messages: conversation id 0", "conversationId", c => c.ListMessagesAsync(0) },
        { "messages: message_per_page 201", "messagePerPage", c => c.ListMessagesAsync(1, messagePerPage: 201) },
        { "poll: conversation id 0", "conversationId", c => c.PollNewMessagesAsync(0, T0, TimeSpan.FromSeconds(5)) },
        { "poll: zero interval", "interval", c => c.PollNewMessagesAsync(1, T0, TimeSpan.Zero) },
        { "users: per_page 0", "perPage", c => c.ListUsersAsync(perPage: 0) },
        { "users: per_page 101", "perPage", c => c.GetUsersPageAsync(perPage: 101) },
        { "users: page 0", "page", c => c.GetUsersPageAsync(page: 0) },
        { "user id 0", "userId", c => c.GetUserAsync(0) },
        { "take over: conversation id 0", "conversationId", c => c.TakeOverConversationAsync(0, 501) },
        { "take over: assignee id 0", "assigneeId", c => c.TakeOverConversationAsync(1, 0) },
        { "take over: assignee id -5", "assigneeId", c => c.TakeOverConversationAsync(1, -5) },
        { "assignment: assignee id 0", "assigneeId", c => c.UpdateAssignmentAsync(1, 0) },
        { "assignment: conversation id 0", "conversationId", c => c.UpdateAssignmentAsync(0, null) },
        { "hand back: conversation id 0", "conversationId", c => c.HandBackToAiAsync(0) },
        { "send: conversation id 0", "conversationId", c => c.SendMessageAsync(0, "Hi", 501) },
        { "send: empty message", "message", c => c.SendMessageAsync(1, "", 501) },
        { "send: blank message", "message", c => c.SendMessageAsync(1, "  \n", 501) },
        { "send: null message", "message", c => c.SendMessageAsync(1, null!, 501) },
        { "send: sender id 0", "senderId", c => c.SendMessageAsync(1, "Hi", 0) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public void Bad_input_is_rejected_before_any_request(string because, string parameter, Func<ZipchatClient, object> call)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => call(Client));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(parameter, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
        Assert.NotEmpty(because);
    }

    [Theory]
    [InlineData(0, "between 1 and 100")]
    [InlineData(101, "between 1 and 100")]
    public void The_message_states_the_documented_page_size_limit(int perPage, string limit)
    {
        var ex = ThrowsBeforeSending<ArgumentOutOfRangeException>(() => Client.GetUsersPageAsync(perPage: perPage, cancellationToken: Ct));

        Assert.Contains(limit, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_states_the_documented_message_page_size_limit()
    {
        var ex = ThrowsBeforeSending<ArgumentOutOfRangeException>(() => Client.GetConversationAsync(1, messagePerPage: 201, cancellationToken: Ct));

        Assert.Contains("between 1 and 200", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_documented_sizes_are_accepted()
    {
        _ = Client.ListConversationsAsync(perPage: 100, cancellationToken: Ct);
        _ = Client.ListMessagesAsync(1, messagePerPage: 200, cancellationToken: Ct);
        _ = Client.ListUsersAsync(perPage: 100, cancellationToken: Ct);

        Assert.Equal(0, Sim.Journal.Count);
    }

    // The checks run synchronously, before a task exists: the call itself throws.
    private static T ThrowsBeforeSending<T>(Func<object> call)
        where T : Exception => Assert.Throws<T>(() => { _ = call(); });
}
