using ChatApis.AspNetCore.Tests.Support;
using ChatApis.Chatting;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;
using Microsoft.AspNetCore.Builder;

namespace ChatApis.AspNetCore.Tests;

/// <summary>The Chatting simulator delivers triggers to a mapped endpoint; its retries (after 1 and 5 minutes) run on a manual clock.</summary>
public sealed class ChattingTriggerTests : IAsyncLifetime
{
    private const string Pattern = "/hooks/chatting/{token}";
    private readonly ManualTimeProvider _simClock = new();
    private readonly HandlerLog _log = new();
    private ChattingSimulator _sim = null!;
    private InboundApp _app = null!;
    private ChattingClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = new ChattingSimulator(new SimulatorHostOptions { TimeProvider = _simClock });
        await _sim.StartAsync(TestContext.Current.CancellationToken);
        _app = await InboundApp.StartAsync(
            b =>
            {
                _log.Register<ConversationCreatedTrigger>(b);
                _log.Register<ConversationResolvedTrigger>(b);
                _log.Register<ContactCreatedTrigger>(b);
                _log.Register<TagAddedTrigger>(b);
                _log.Register<UnknownTrigger>(b);
            },
            app => app.MapChattingTriggers(Pattern, o => o.UrlToken = InboundApp.Token));
        _client = Simulated.Chatting(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private Uri Target(string suffix = "") => _app.Url($"hooks/chatting/{InboundApp.Token}{suffix}");

    private async Task SubscribeAsync(ChattingEvent @event, string suffix = "") =>
        await _client.SubscribeWebhookAsync(@event, Target(suffix), cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Every_documented_trigger_reaches_its_typed_handler_exactly_once()
    {
        foreach (var e in new[] { ChattingEvent.ConversationCreated, ChattingEvent.ConversationResolved, ChattingEvent.ContactCreated, ChattingEvent.TagAdded })
        {
            await SubscribeAsync(e);
        }

        var conversation = _sim.StartConversation("ava@example.com", "Ava Brooks", "https://www.usechatting.com/pricing", "Do you have a free plan?");
        _sim.TagConversation(conversation, "vip", "agent@example.com");
        _simClock.Advance(TimeSpan.FromSeconds(90));
        _sim.ResolveConversation(conversation, "agent@example.com");
        var contact = await _client.CreateContactAsync(new ChattingNewContact("new.lead@example.com") { Name = "New Lead", Company = "Acme" }, cancellationToken: TestContext.Current.CancellationToken);
        await Bounded.Within(_sim.WhenDeliveriesIdleAsync());

        Assert.Equal([200, 200, 200, 200], _sim.DeliveryAttempts.Select(a => a.StatusCode));
        Assert.Equal(4, _log.AttemptCount);

        var created = Assert.Single(_log.Succeeded<ConversationCreatedTrigger>());
        Assert.Equal(conversation, created.ConversationId);
        Assert.Equal("ava@example.com", created.VisitorEmail);
        Assert.Equal("Ava Brooks", created.VisitorName);
        Assert.Equal("https://www.usechatting.com/pricing", created.PageUrl);
        Assert.Equal("Do you have a free plan?", created.FirstMessage);
        Assert.Empty(created.Tags);
        Assert.Null(created.AssignedTo);
        Assert.Equal(ManualTimeProvider.DefaultStart, created.Timestamp);

        var tagged = Assert.Single(_log.Succeeded<TagAddedTrigger>());
        Assert.Equal((conversation, "vip", "agent@example.com"), (tagged.ConversationId, tagged.Tag, tagged.AddedBy));

        var resolved = Assert.Single(_log.Succeeded<ConversationResolvedTrigger>());
        Assert.Equal((conversation, "ava@example.com", "agent@example.com", 1, 90), (resolved.ConversationId, resolved.VisitorEmail, resolved.ResolvedBy, resolved.MessageCount, resolved.DurationSeconds));

        var newContact = Assert.Single(_log.Succeeded<ContactCreatedTrigger>());
        Assert.Equal((contact.Value.Id, "new.lead@example.com", "New Lead", "Acme"), (newContact.ContactId, newContact.Email, newContact.Name, newContact.Company));

        var contexts = _log.Calls.Select(c => c.Context).ToList();
        Assert.All(contexts, c => Assert.Equal(InboundSources.Chatting, c.Source));
        Assert.All(contexts, c => Assert.StartsWith("chatting:sha256:", c.DeliveryKey, StringComparison.Ordinal));
        Assert.Equal(4, contexts.Select(c => c.DeliveryKey).Distinct().Count());
        Assert.Equal(["contact.created", "conversation.created", "conversation.resolved", "tag.added"], contexts.Select(c => c.EventName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_handler_is_retried_by_the_simulator_after_1_then_5_minutes_and_succeeds_once()
    {
        await SubscribeAsync(ChattingEvent.ConversationCreated);
        _log.FailNext(2);

        _sim.StartConversation("sam@example.com", "Sam", null, "Hello");
        await Bounded.UntilAsync(() => _sim.DeliveryAttempts.Count == 1 && _simClock.PendingTimerCount == 1, "the first attempt and its retry timer");
        _simClock.Advance(TimeSpan.FromMinutes(1));
        await Bounded.UntilAsync(() => _sim.DeliveryAttempts.Count == 2 && _simClock.PendingTimerCount == 1, "the first retry and the next timer");

        // Not a second early: the second retry waits its full 5 minutes.
        _simClock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(2, _sim.DeliveryAttempts.Count);
        _simClock.Advance(TimeSpan.FromSeconds(1));
        await Bounded.Within(_sim.WhenDeliveriesIdleAsync());

        var attempts = _sim.DeliveryAttempts;
        Assert.Equal([500, 500, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal([ManualTimeProvider.DefaultStart, ManualTimeProvider.DefaultStart.AddMinutes(1), ManualTimeProvider.DefaultStart.AddMinutes(6)], attempts.Select(a => a.At));
        Assert.Equal(3, _log.AttemptCount);
        var created = Assert.Single(_log.Succeeded<ConversationCreatedTrigger>());
        Assert.Equal("sam@example.com", created.VisitorEmail);
        Assert.Single(_log.Calls.Select(c => c.Context.DeliveryKey).Distinct());
    }

    [Fact]
    public async Task The_same_trigger_delivered_twice_at_once_runs_the_handler_once()
    {
        await SubscribeAsync(ChattingEvent.ContactCreated);
        await SubscribeAsync(ChattingEvent.ContactCreated, "?copy=1");
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var contact = _client.CreateContactAsync(new ChattingNewContact("twice@example.com"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(await _log.Started.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken));
        await Bounded.UntilAsync(() => _sim.DeliveryAttempts.Count == 1, "the second copy's answer");
        Assert.Equal(503, _sim.DeliveryAttempts[0].StatusCode);
        _log.Gate.SetResult();
        await Bounded.UntilAsync(() => _sim.DeliveryAttempts.Count == 2 && _simClock.PendingTimerCount == 1, "the first copy's answer and the retry timer");

        _simClock.Advance(TimeSpan.FromMinutes(1));
        await Bounded.Within(_sim.WhenDeliveriesIdleAsync());
        await Bounded.Within(contact);

        Assert.Equal([503, 200, 200], _sim.DeliveryAttempts.Select(a => a.StatusCode));
        Assert.Equal(1, _log.AttemptCount);
        Assert.Equal("twice@example.com", Assert.Single(_log.Succeeded<ContactCreatedTrigger>()).Email);
    }

    [Fact]
    public async Task An_unknown_trigger_reaches_the_unknown_handler_with_its_fields()
    {
        using var response = await _app.Http.PostAsync(
            Target(),
            new StringContent("""{"event":"visitor.banned","timestamp":"2026-04-08T01:30:00.000Z","data__reason":"spam","data":{"visitor_email":"x@example.com"}}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var unknown = Assert.Single(_log.Succeeded<UnknownTrigger>());
        Assert.Equal("visitor.banned", unknown.Event.Value);
        Assert.Equal("spam", unknown.Data["reason"].GetString());
        Assert.Equal("x@example.com", unknown.Data["visitor_email"].GetString());
        Assert.Contains("\"data__reason\":\"spam\"", unknown.RawJson, StringComparison.Ordinal);
    }
}
