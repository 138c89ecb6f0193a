using ChatApis.AspNetCore.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.AspNetCore.Tests;

/// <summary>The hosted Zipchat watcher feeds new messages to the same handler model as the webhook endpoints.</summary>
public sealed class ZipchatWatcherServiceTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new() { AutoAdvanceLimit = TimeSpan.FromMinutes(2) };
    private readonly HandlerLog _log = new();
    private readonly InMemoryZipchatWatchCursorStore _cursors = new();
    private readonly InMemoryDeliveryClaimStore _claims;
    private ZipchatSimulator _sim = null!;

    public ZipchatWatcherServiceTests() => _claims = new InMemoryDeliveryClaimStore(_clock);

    public async ValueTask InitializeAsync()
    {
        _sim = new ZipchatSimulator(new SimulatorHostOptions { TimeProvider = _clock });
        await _sim.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _sim.DisposeAsync();

    private Task<InboundApp> StartAppAsync(HandlerLog log) => InboundApp.StartAsync(
        b =>
        {
            log.Register<ZipchatNewMessage>(b);
            b.UseClaimStore(_claims).AddZipchatWatcher(o =>
            {
                o.Watch.PollInterval = TimeSpan.FromSeconds(5);
                o.HandlerRetryDelay = TimeSpan.FromSeconds(2);
                o.InitialLookback = TimeSpan.FromMinutes(15);
            });
        },
        _ => { },
        _clock,
        services =>
        {
            services.AddZipchatClient(o =>
            {
                var sim = Simulated.ZipchatOptions(_sim);
                (o.ApiKey, o.ChatId, o.BaseAddress, o.MaxRetries, o.AttemptTimeout, o.TotalTimeout) = (sim.ApiKey, sim.ChatId, sim.BaseAddress, sim.MaxRetries, sim.AttemptTimeout, sim.TotalTimeout);
            });
            services.AddSingleton<IZipchatWatchCursorStore>(_cursors);
        });

    [Fact]
    public async Task New_messages_reach_the_handler_once_a_failing_handler_is_retried_and_the_cursor_is_saved()
    {
        _log.FailNext(1);
        var escalated = _sim.GetConversation(ZipchatSimulator.EscalatedEmailConversationId).Messages[^1];

        await using (var app = await StartAppAsync(_log))
        {
            // The seeded message 10 minutes old is within the 15-minute lookback; then the customers write.
            await Bounded.UntilAsync(() => _log.SucceededCount == 1, "the message within the lookback");
            var added = new[]
            {
                _sim.AddCustomerMessage(ZipchatSimulator.WebConversationId, "Where is my parcel?"),
                _sim.AddCustomerMessage(ZipchatSimulator.WhatsAppConversationId, "Hello again"),
            };
            await Bounded.UntilAsync(() => _log.SucceededCount == 3, "the two new messages");

            var handled = _log.Succeeded<ZipchatNewMessage>();
            Assert.Equal([escalated.Id, .. added], handled.Select(m => m.Message.Id));
            Assert.Equal(4, _log.AttemptCount);
            Assert.False(_log.Calls[0].Succeeded);
            Assert.Equal(_log.Calls[0].Context.DeliveryKey, _log.Calls[1].Context.DeliveryKey);
            var context = _log.Calls[^1].Context;
            Assert.Equal((InboundSources.Zipchat, "new_message", $"zipchat:1:message:{added[1]}", "zipchat"), (context.Source, context.EventName, context.DeliveryKey, context.EndpointName));
            Assert.Equal(ZipchatSimulator.WhatsAppConversationId, handled[^1].Conversation.Id);
            Assert.Contains(TimeSpan.FromSeconds(2), _clock.AutoAdvancedDelays);
            await Bounded.UntilAsync(() => _cursors.LoadAsync("zipchat").Result?.ReportedMessageIds.Contains(added[1]) == true, "the saved cursor");
        }

        // A restart resumes from the saved cursor: only what is new is handled.
        var restarted = new HandlerLog();
        var afterRestart = _sim.AddCustomerMessage(ZipchatSimulator.MessengerConversationId, "Are you open today?");
        await using (var app = await StartAppAsync(restarted))
        {
            await Bounded.UntilAsync(() => restarted.SucceededCount == 1, "the message written during the restart");
            var journal = _sim.Journal.Count;
            await Bounded.UntilAsync(() => _sim.Journal.Count >= journal + 6, "more polls");
        }

        Assert.Equal([afterRestart], restarted.Succeeded<ZipchatNewMessage>().Select(m => m.Message.Id));
        Assert.Equal(1, restarted.AttemptCount);
    }

    [Fact]
    public async Task A_message_whose_handler_keeps_failing_is_given_up_after_the_attempts_and_the_watch_goes_on()
    {
        _log.FailNext(5);

        await using var app = await StartAppAsync(_log);
        await Bounded.UntilAsync(() => _log.AttemptCount == 5, "five attempts at the first message");
        var next = _sim.AddCustomerMessage(ZipchatSimulator.WebConversationId, "Anyone?");
        await Bounded.UntilAsync(() => _log.SucceededCount == 1, "the next message");

        Assert.Equal(next, Assert.Single(_log.Succeeded<ZipchatNewMessage>()).Message.Id);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)], _clock.AutoAdvancedDelays.Where(d => d != TimeSpan.FromSeconds(5)).Take(4));
        Assert.Contains(app.Logs.From("ChatApis.AspNetCore"), l => l.Contains("gave up on zipchat:1:message:", StringComparison.Ordinal));
    }
}
