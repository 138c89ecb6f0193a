using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class PollingTests : ZipchatTestBase
{
    private const string ShowPath = "/api/integrations/backend_api/v1/chats/1/conversations/12345";

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task New_messages_are_yielded_once_oldest_first_as_the_cursor_advances()
    {
        var interval = TimeSpan.FromSeconds(15);
        Clock.AutoAdvanceLimit = interval;
        var since = T0.AddHours(-2).AddMinutes(-50); // the block message and the reply after it
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var received = new List<ZipchatMessage>();
        long added = 0;

        var stream = Client.PollNewMessagesAsync(ZipchatSimulator.WebConversationId, since, interval, cancellationToken: cts.Token);
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedAsync(cts, async () =>
        {
            await foreach (var message in stream)
            {
                received.Add(message);
                if (received.Count == 2)
                {
                    // The poller is suspended here; the customer writes before its next poll.
                    added = Sim.AddCustomerMessage(ZipchatSimulator.WebConversationId, "Any update?");
                }
                else if (received.Count == 3)
                {
                    await cts.CancelAsync();
                }
            }
        }));

        Assert.Equal(cts.Token, ex.CancellationToken);
        var seeded = Sim.GetConversation(ZipchatSimulator.WebConversationId).Messages;
        Assert.Equal([seeded[2].Id, seeded[3].Id, added], received.Select(m => m.Id));
        Assert.Equal("Any update?", received[2].Content);
        Assert.Equal(MessageRole.User, received[2].Role);

        var polls = Sim.Journal.Where("GET", ShowPath);
        Assert.Equal(2, polls.Count);
        Assert.Equal("?message_page=1&message_per_page=200&message_created_at_since=2025-12-31T21%3A10%3A00Z", polls[0].QueryString);

        // The cursor moved to the newest message seen, which the inclusive filter returns again: dropped by id.
        Assert.Equal("2025-12-31T21:15:00Z", polls[1].Query["message_created_at_since"]);
        Assert.Equal([interval], Clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task Empty_polls_keep_the_cursor_and_wait_the_interval_on_the_clock()
    {
        var interval = TimeSpan.FromSeconds(20);
        Clock.AutoAdvanceLimit = interval;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var stream = Client.PollNewMessagesAsync(ZipchatSimulator.MessengerConversationId, T0, interval, cancellationToken: cts.Token);
        var enumerator = stream.GetAsyncEnumerator(cts.Token);
        var next = enumerator.MoveNextAsync().AsTask();

        // Nothing since T0: polls keep coming, 20 s apart on the simulated clock, until the customer writes.
        await WaitUntilAsync(() => Sim.Journal.Count >= 3, cts);
        Assert.False(next.IsCompleted);
        var id = Sim.AddCustomerMessage(ZipchatSimulator.MessengerConversationId, "Hello?");

        Assert.True(await BoundedAsync(cts, () => next));
        Assert.Equal(id, enumerator.Current.Id);
        Assert.Equal("Hello?", enumerator.Current.Content);
        await cts.CancelAsync();
        await enumerator.DisposeAsync();
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("2026-01-01T00:00:00Z", r.Query["message_created_at_since"]));
        Assert.All(Clock.AutoAdvancedDelays, d => Assert.Equal(interval, d));
        Assert.True(Clock.AutoAdvancedDelays.Count >= 2);
    }

    [Fact]
    public async Task Cancelling_while_waiting_between_polls_ends_with_operation_canceled_and_no_more_requests()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stream = Client.PollNewMessagesAsync(ZipchatSimulator.MessengerConversationId, T0.AddHours(-1), TimeSpan.FromMinutes(5), cancellationToken: cts.Token);
        var enumerator = stream.GetAsyncEnumerator(Ct);

        Assert.True(await BoundedAsync(cts, () => enumerator.MoveNextAsync().AsTask()));
        Assert.True(await BoundedAsync(cts, () => enumerator.MoveNextAsync().AsTask()));
        var waiting = enumerator.MoveNextAsync().AsTask();
        await WaitUntilAsync(() => Clock.PendingTimerCount > 0 && Sim.Journal.Count == 1, cts);
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedAsync(cts, () => waiting));
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Equal(1, Sim.Journal.Count);
        await enumerator.DisposeAsync();
    }

    [Fact]
    public async Task A_poll_spans_message_pages()
    {
        Sim.AddGeneratedMessages(ZipchatSimulator.WebConversationId, 250);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var count = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BoundedAsync(cts, async () =>
        {
            await foreach (var message in Client.PollNewMessagesAsync(ZipchatSimulator.WebConversationId, T0.AddHours(-1), TimeSpan.FromSeconds(30), cancellationToken: cts.Token))
            {
                if (++count == 250)
                {
                    await cts.CancelAsync();
                }
            }
        }));

        Assert.Equal(250, count);
        Assert.Equal(["1", "2"], Sim.Journal.Requests.Select(r => r.Query["message_page"]));
    }

    [Fact]
    public async Task A_failed_poll_ends_the_stream_with_the_error()
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var stream = Client.PollNewMessagesAsync(ZipchatSimulator.OtherChatConversationId, T0, TimeSpan.FromSeconds(5), cancellationToken: cts.Token);

        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => BoundedAsync(cts, async () =>
        {
            await foreach (var _ in stream)
            {
            }
        }));
    }

    /// <summary>
    /// Awaits a step of the poller for at most <see cref="Guard"/>. A poller that loops over pages or waits
    /// on a clock nobody advances (a misspelt query name does either) fails its test with a message saying
    /// so, and is stopped, instead of hanging the run.
    /// </summary>
    private async Task<T> BoundedAsync<T>(CancellationTokenSource stop, Func<Task<T>> step)
    {
        var task = step();
        try
        {
            return await task.WaitAsync(Guard, Ct);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            await stop.CancelAsync();
            throw new Xunit.Sdk.XunitException($"The poller did not get there within {Guard}: it loops or waits forever ({Sim.Journal.Count} requests sent, the last: {Sim.Journal.Requests.LastOrDefault()}).");
        }
    }

    private Task BoundedAsync(CancellationTokenSource stop, Func<Task> step) =>
        BoundedAsync(stop, async () =>
        {
            await step();
            return true;
        });

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationTokenSource stop)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(Guard);
        while (!condition())
        {
            if (guard.IsCancellationRequested)
            {
                await stop.CancelAsync();
                Assert.Fail($"The condition was not met within {Guard}.");
            }

            await Task.Delay(5, CancellationToken.None);
        }
    }
}
