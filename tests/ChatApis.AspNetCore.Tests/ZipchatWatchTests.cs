using ChatApis.AspNetCore.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;

namespace ChatApis.AspNetCore.Tests;

/// <summary>
/// <see cref="ZipchatClient.WatchNewMessagesAsync"/> against the Zipchat simulator on a manual clock that skips
/// through the watch's waits by itself, so polls follow each other in virtual time.
/// </summary>
public sealed class ZipchatWatchTests : IAsyncLifetime
{
    private const string ListPath = "/api/integrations/backend_api/v1/chats/1/conversations";
    private static readonly long[] Conversations =
    [
        ZipchatSimulator.WebConversationId, ZipchatSimulator.EscalatedEmailConversationId, ZipchatSimulator.WhatsAppConversationId,
        ZipchatSimulator.StaleInstagramConversationId, ZipchatSimulator.MessengerConversationId,
    ];

    private readonly ManualTimeProvider _clock = new();
    private ZipchatSimulator _sim = null!;
    private ZipchatClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Small pages, so both the conversation list and each conversation's messages span several pages.
    private static ZipchatWatchOptions SmallPages => new() { ConversationPageSize = 2, MessagePageSize = 2, PollInterval = TimeSpan.FromSeconds(5) };

    public async ValueTask InitializeAsync()
    {
        _sim = new ZipchatSimulator(new SimulatorHostOptions { TimeProvider = _clock });
        await _sim.StartAsync(Ct);
        _client = new ZipchatClient(Simulated.ZipchatOptions(_sim), _clock);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
    }

    [Fact]
    public async Task Each_new_message_of_several_conversations_across_pages_is_reported_once_oldest_first()
    {
        var since = _clock.GetUtcNow();
        var expected = AddMessages(rounds: 3, tiesPerRound: 2);
        _clock.AutoAdvanceLimit = TimeSpan.FromMinutes(2);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var watch = _client.WatchNewMessagesAsync(ZipchatWatchCursor.StartingAt(since), SmallPages, cancellationToken: cts.Token).GetAsyncEnumerator(Ct);

        var first = await TakeAsync(watch, expected.Count);
        Assert.Equal(expected, first.Select(f => f.Message.Id));
        Assert.All(first, f => Assert.Equal(_sim.GetConversation(f.Conversation.Id).Messages.Single(m => m.Id == f.Message.Id).Text, f.Message.Content));

        // The customer writes while the watch is suspended between two reported messages.
        var later = new List<long> { _sim.AddCustomerMessage(ZipchatSimulator.MessengerConversationId, "later 1") };
        _clock.Advance(TimeSpan.FromSeconds(1));
        later.Add(_sim.AddCustomerMessage(ZipchatSimulator.StaleInstagramConversationId, "later 2"));
        later.Add(_sim.AddCustomerMessage(ZipchatSimulator.WebConversationId, "later 3"));
        var second = await TakeAsync(watch, later.Count);
        Assert.Equal(later, second.Select(f => f.Message.Id));

        // Several more polls find nothing new: nothing is reported twice.
        var pending = watch.MoveNextAsync().AsTask();
        var seen = _sim.Journal.Count;
        await Bounded.UntilAsync(() => _sim.Journal.Count >= seen + 12, "more polls");
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pending));
        Assert.Equal(cts.Token, ex.CancellationToken);

        var lists = _sim.Journal.Where("GET", ListPath);
        Assert.All(lists, r => Assert.Equal("2", r.Query["per_page"]));
        Assert.Contains(lists, r => r.Query["page"] == "3");
        Assert.Contains(_sim.Journal.Requests, r => r.Query.TryGetValue("message_page", out var page) && page == "2");
        Assert.Equal(since, ParseIso(lists[0].Query["last_message_at_since"]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(12)]
    public async Task A_watch_resumed_from_a_persisted_cursor_reports_the_rest_without_loss_or_duplicates(int handledBeforeStop)
    {
        var since = _clock.GetUtcNow();
        var expected = AddMessages(rounds: 2, tiesPerRound: 3);
        _clock.AutoAdvanceLimit = TimeSpan.FromMinutes(2);

        string persisted;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            await using var watch = _client.WatchNewMessagesAsync(ZipchatWatchCursor.StartingAt(since), SmallPages, cancellationToken: stop.Token).GetAsyncEnumerator(Ct);
            var handled = await TakeAsync(watch, handledBeforeStop);
            persisted = handled[^1].Cursor.Serialize();
            await stop.CancelAsync();
        }

        var resumedFrom = ZipchatWatchCursor.Parse(persisted);
        var more = _sim.AddCustomerMessage(ZipchatSimulator.EscalatedEmailConversationId, "after the restart");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        await using var resumed = _client.WatchNewMessagesAsync(resumedFrom, SmallPages, cancellationToken: cts.Token).GetAsyncEnumerator(Ct);
        var rest = await TakeAsync(resumed, expected.Count - handledBeforeStop + 1);
        var pending = resumed.MoveNextAsync().AsTask();
        var seen = _sim.Journal.Count;
        await Bounded.UntilAsync(() => _sim.Journal.Count >= seen + 12, "more polls");
        Assert.False(pending.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pending));

        Assert.Equal([.. expected.Skip(handledBeforeStop), more], rest.Select(f => f.Message.Id));
        Assert.Equal(persisted, resumedFrom.Serialize());
    }

    [Fact]
    public async Task A_chat_busier_than_the_budget_is_watched_without_a_429_pausing_at_the_reserve_and_pacing_the_next_poll()
    {
        // 135 conversations: the first poll needs 138 requests, more than the 120 per 60 s the API allows.
        _sim.AddGeneratedConversations(130);
        using var client = new ZipchatClient(WithoutClientSideLimiter(Simulated.ZipchatOptions(_sim)), _clock);
        var since = _clock.GetUtcNow().AddDays(-3);
        var expected = Conversations.Sum(id => _sim.GetConversation(id).Messages.Count(m => m.CreatedAt >= since)) + 130;
        _clock.AutoAdvanceLimit = TimeSpan.FromMinutes(10);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        // MaxRetries is 0 and the client-side limiter is off: a single 429 would end the watch with an exception.
        await using var watch = client.WatchNewMessagesAsync(ZipchatWatchCursor.StartingAt(since), new ZipchatWatchOptions { PollInterval = TimeSpan.FromSeconds(5) }, cancellationToken: cts.Token).GetAsyncEnumerator(Ct);
        var found = await TakeAsync(watch, expected);
        var firstPoll = _sim.Journal.Count;
        var pending = watch.MoveNextAsync().AsTask();
        await Bounded.UntilAsync(() => _sim.Journal.Count > firstPoll, "the next poll");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Bounded.Within(pending));

        Assert.Equal(expected, found.Select(f => f.Message.Id).Distinct().Count());
        Assert.Equal(138, firstPoll);

        // The server's fixed 60-s windows, replayed from the journal: the watch stops at the 20 requests it leaves to the app.
        var windows = new List<int>();
        DateTimeOffset? windowEnd = null;
        foreach (var request in _sim.Journal.Requests.Take(firstPoll))
        {
            if (windowEnd is null || request.ReceivedAt >= windowEnd)
            {
                windowEnd = request.ReceivedAt.AddSeconds(60);
                windows.Add(0);
            }

            windows[^1]++;
        }

        Assert.Equal([100, 38], windows);
        Assert.Contains(_clock.AutoAdvancedDelays, d => d > TimeSpan.FromSeconds(50) && d <= TimeSpan.FromSeconds(61));

        // After a poll of 138 requests, the next waits 138 × 60 s / (120 × 0.5) = 138 s, not the 5-s interval.
        Assert.Contains(TimeSpan.FromSeconds(138), _clock.AutoAdvancedDelays);
    }

    [Fact]
    public void A_cursor_round_trips_through_its_text_and_refuses_other_text()
    {
        var cursor = ZipchatWatchCursor.StartingAt(new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(ManualTimeProvider.DefaultStart, cursor.Since);
        Assert.Equal("zw1;" + ManualTimeProvider.DefaultStart.UtcTicks + ";", cursor.Serialize());
        var parsed = ZipchatWatchCursor.Parse("zw1;639028224000000000;9002@639028224000000000,9001@639028224000000000");
        Assert.Equal([9001, 9002], parsed.ReportedMessageIds.Order());
        Assert.Equal("zw1;639028224000000000;9001@639028224000000000,9002@639028224000000000", parsed.Serialize());
        foreach (var bad in new[] { "", "zw2;1;", "zw1;x;", "zw1;1;5", "zw1;1;0@1", "zw1;1;-5@1", "zw1;1;5@x", "zw1;1", "zw1;99999999999999999999;" })
        {
            Assert.Equal("text", Assert.Throws<ArgumentException>(() => ZipchatWatchCursor.Parse(bad)).ParamName);
        }
    }

    [Fact]
    public void Watch_options_out_of_range_are_refused_before_any_request_naming_the_option()
    {
        var cursor = ZipchatWatchCursor.StartingAt(_clock.GetUtcNow());

        Assert.Equal("PollInterval", Assert.Throws<ArgumentOutOfRangeException>(() => _client.WatchNewMessagesAsync(cursor, new ZipchatWatchOptions { PollInterval = TimeSpan.Zero }, cancellationToken: Ct)).ParamName);
        Assert.Equal("ConversationPageSize", Assert.Throws<ArgumentOutOfRangeException>(() => _client.WatchNewMessagesAsync(cursor, new ZipchatWatchOptions { ConversationPageSize = 101 }, cancellationToken: Ct)).ParamName);
        Assert.Equal("MessagePageSize", Assert.Throws<ArgumentOutOfRangeException>(() => _client.WatchNewMessagesAsync(cursor, new ZipchatWatchOptions { MessagePageSize = 201 }, cancellationToken: Ct)).ParamName);
        Assert.Equal("BudgetShare", Assert.Throws<ArgumentOutOfRangeException>(() => _client.WatchNewMessagesAsync(cursor, new ZipchatWatchOptions { BudgetShare = 0 }, cancellationToken: Ct)).ParamName);
        Assert.Equal("ReservedRequests", Assert.Throws<ArgumentOutOfRangeException>(() => _client.WatchNewMessagesAsync(cursor, new ZipchatWatchOptions { ReservedRequests = -1 }, cancellationToken: Ct)).ParamName);
        Assert.Throws<ArgumentNullException>(() => _client.WatchNewMessagesAsync(null!, cancellationToken: Ct));
        Assert.Equal(0, _sim.Journal.Count);
    }

    // Messages in four conversations, one second apart per round, each round ending with a group that shares one instant.
    private List<long> AddMessages(int rounds, int tiesPerRound)
    {
        var added = new List<long>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var id in new[] { ZipchatSimulator.WebConversationId, ZipchatSimulator.EscalatedEmailConversationId, ZipchatSimulator.WhatsAppConversationId, ZipchatSimulator.MessengerConversationId })
            {
                _clock.Advance(TimeSpan.FromSeconds(1));
                added.Add(_sim.AddCustomerMessage(id, $"round {round} in {id}"));
            }

            _clock.Advance(TimeSpan.FromSeconds(1));
            for (var tie = 0; tie < tiesPerRound; tie++)
            {
                added.Add(_sim.AddCustomerMessage(Conversations[tie % Conversations.Length], $"tie {tie} of round {round}"));
            }
        }

        return added;
    }

    private static async Task<List<ZipchatNewMessage>> TakeAsync(IAsyncEnumerator<ZipchatNewMessage> watch, int count)
    {
        var taken = new List<ZipchatNewMessage>();
        while (taken.Count < count)
        {
            Assert.True(await Bounded.Within(watch.MoveNextAsync().AsTask()));
            taken.Add(watch.Current);
        }

        return taken;
    }

    private static ZipchatClientOptions WithoutClientSideLimiter(ZipchatClientOptions options)
    {
        options.EnableRateLimiting = false;
        return options;
    }

    private static DateTimeOffset ParseIso(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
