using System.Net;
using System.Text;
using ChatApis.AspNetCore.Tests.Support;
using ChatApis.AssistLoop;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using Microsoft.AspNetCore.Builder;

namespace ChatApis.AspNetCore.Tests;

/// <summary>The AssistLoop simulator delivers to a mapped endpoint on real Kestrel; its retries run on a manual clock.</summary>
public sealed class AssistLoopWebhookTests : IAsyncLifetime
{
    private const string Pattern = "/hooks/assistloop/{token}";
    private readonly ManualTimeProvider _simClock = new();
    private readonly HandlerLog _log = new();
    private AssistLoopSimulator _sim = null!;
    private InboundApp _app = null!;
    private AssistLoopClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = new AssistLoopSimulator(new SimulatorHostOptions { TimeProvider = _simClock });
        await _sim.StartAsync(TestContext.Current.CancellationToken);
        _app = await InboundApp.StartAsync(
            b =>
            {
                _log.Register<AssistLoopNewConversationEvent>(b);
                _log.Register<AssistLoopHumanHandoffRequiredEvent>(b);
                _log.Register<AssistLoopUnknownWebhookEvent>(b);
            },
            app => app.MapAssistLoopWebhooks(Pattern, o => o.UrlToken = InboundApp.Token));
        _client = Simulated.AssistLoop(_sim);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _sim.DisposeAsync();
    }

    private Uri Target(string suffix = "") => _app.Url($"hooks/assistloop/{InboundApp.Token}{suffix}");

    private async Task SubscribeAsync(AssistLoopWebhookEventType type, Uri target) =>
        await _client.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, target, type, cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task Every_documented_event_reaches_its_typed_handler_exactly_once()
    {
        await SubscribeAsync(AssistLoopWebhookEventType.NewConversation, Target());
        await SubscribeAsync(AssistLoopWebhookEventType.HumanHandoffRequired, Target());

        var conversation = _sim.StartConversation(AssistLoopSimulator.AgentUuid, "Jane Smith", "jane@example.com", "Hi, I need help with my order");
        _sim.RequestHandoff(conversation, "I need to speak with a human agent");
        await Bounded.Within(_sim.Webhooks.WhenIdleAsync());

        Assert.Equal([200, 200], _sim.Webhooks.Attempts.Select(a => a.StatusCode));
        Assert.Equal(2, _log.AttemptCount);

        var created = Assert.Single(_log.Succeeded<AssistLoopNewConversationEvent>());
        Assert.Equal(AssistLoopWebhookEventType.NewConversation, created.Event);
        Assert.Equal(conversation, created.Data.Conversation!.Uuid);
        Assert.Equal("ai", created.Data.Conversation.ResponseMode.Value);
        Assert.True(created.Data.Conversation.IsOpen);
        Assert.Equal("Hi, I need help with my order", created.Data.InitialMessage!.Content);
        Assert.Equal("jane@example.com", created.Data.ChatUser!.Email);
        Assert.Equal(AssistLoopSimulator.AgentUuid, created.Data.Agent!.Uuid);
        Assert.Equal(AssistLoopSimulator.OrganizationUuid, created.Data.Organization!.Uuid);

        var handoff = Assert.Single(_log.Succeeded<AssistLoopHumanHandoffRequiredEvent>());
        Assert.Equal(conversation, handoff.Data.Conversation!.Uuid);
        Assert.Equal("human", handoff.Data.Conversation.ResponseMode.Value);
        Assert.Equal("I need to speak with a human agent", handoff.Data.LastMessage!.Content);
        Assert.NotEqual(created.Id, handoff.Id);

        var context = _log.Calls.Single(c => c.Type == typeof(AssistLoopHumanHandoffRequiredEvent)).Context;
        Assert.Equal(InboundSources.AssistLoop, context.Source);
        Assert.Equal("human_handoff_required", context.EventName);
        Assert.Equal($"assistloop:id:{handoff.Id}", context.DeliveryKey);
        Assert.Equal(Pattern, context.EndpointName);
    }

    [Fact]
    public async Task A_handler_that_throws_answers_500_and_the_simulator_retry_is_handled_once()
    {
        await SubscribeAsync(AssistLoopWebhookEventType.HumanHandoffRequired, Target());
        _log.FailNext(1);

        _sim.RequestHandoff(AssistLoopSimulator.ConversationUuid, "A person, please");
        await Bounded.UntilAsync(() => _sim.Webhooks.Attempts.Count == 1 && _simClock.PendingTimerCount == 1, "the first attempt and its retry timer");
        Assert.Equal(500, _sim.Webhooks.Attempts[0].StatusCode);

        _simClock.Advance(AssistLoopSimulator.WebhookRetryDelays[0]);
        await Bounded.Within(_sim.Webhooks.WhenIdleAsync());

        Assert.Equal([500, 200], _sim.Webhooks.Attempts.Select(a => a.StatusCode));
        Assert.Equal(2, _log.AttemptCount);
        var handled = Assert.Single(_log.Succeeded<AssistLoopHumanHandoffRequiredEvent>());
        Assert.Equal("A person, please", handled.Data.LastMessage!.Content);
        Assert.Contains(_app.Logs.From("ChatApis.AspNetCore"), line => line.Contains("failed: answered 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_at_once_runs_the_handler_once()
    {
        // Two subscriptions to the same endpoint: each event is delivered twice, concurrently.
        await SubscribeAsync(AssistLoopWebhookEventType.HumanHandoffRequired, Target());
        await SubscribeAsync(AssistLoopWebhookEventType.HumanHandoffRequired, Target("?copy=1"));
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        _sim.RequestHandoff(AssistLoopSimulator.ConversationUuid, "Anyone there?");
        Assert.True(await _log.Started.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken));

        // While the first copy's handler runs, the second is answered 503 so the sender retries it later.
        await Bounded.UntilAsync(() => _sim.Webhooks.Attempts.Count == 1, "the second copy's answer");
        Assert.Equal(503, _sim.Webhooks.Attempts[0].StatusCode);
        _log.Gate.SetResult();
        await Bounded.UntilAsync(() => _sim.Webhooks.Attempts.Count == 2 && _simClock.PendingTimerCount == 1, "the first copy's answer and the retry timer");
        Assert.Equal(200, _sim.Webhooks.Attempts[1].StatusCode);

        _simClock.Advance(AssistLoopSimulator.WebhookRetryDelays[0]);
        await Bounded.Within(_sim.Webhooks.WhenIdleAsync());

        var attempts = _sim.Webhooks.Attempts;
        Assert.Equal([503, 200, 200], attempts.Select(a => a.StatusCode));
        Assert.Equal(attempts[0].Target, attempts[2].Target);
        Assert.NotEqual(attempts[0].Target, attempts[1].Target);
        Assert.Equal(1, _log.AttemptCount);
        Assert.Single(_log.Succeeded<AssistLoopHumanHandoffRequiredEvent>());
        Assert.Contains(_app.Logs.From("ChatApis.AspNetCore"), line => line.Contains("handled before, not run again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_repeated_delivery_is_acknowledged_without_running_the_handler_again()
    {
        var body = Payload("evt_repeat_1", "new_conversation");

        var first = await PostAsync(body);
        var second = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, second.Content.Headers.ContentLength);
        var handled = Assert.Single(_log.Succeeded<AssistLoopNewConversationEvent>());
        Assert.Equal("evt_repeat_1", handled.Id);
        Assert.Equal(1, _log.AttemptCount);
    }

    [Fact]
    public async Task Two_concurrent_posts_of_one_event_run_the_handler_once_and_the_second_is_asked_to_retry()
    {
        var body = Payload("evt_concurrent_1", "human_handoff_required");
        _log.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = PostAsync(body);
        Assert.True(await _log.Started.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken));
        using var second = await Bounded.Within(PostAsync(body));
        _log.Gate.SetResult();
        using var firstResponse = await Bounded.Within(first);
        using var third = await Bounded.Within(PostAsync(body));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(60), second.Headers.RetryAfter!.Delta);
        Assert.Contains("\"code\":\"delivery-in-progress\"", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(1, _log.AttemptCount);
        Assert.Single(_log.Succeeded<AssistLoopHumanHandoffRequiredEvent>());
    }

    [Fact]
    public async Task An_unknown_event_reaches_the_unknown_handler_with_its_raw_json()
    {
        using var response = await PostAsync(Payload("evt_unknown_1", "conversation_closed", extra: ",\"reason\":\"resolved\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknown = Assert.Single(_log.Succeeded<AssistLoopUnknownWebhookEvent>());
        Assert.Equal("conversation_closed", unknown.Event.Value);
        Assert.Equal("evt_unknown_1", unknown.Id);
        Assert.Equal("resolved", unknown.Raw.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal("conversation_closed", _log.Calls.Single().Context.EventName);
    }

    [Fact]
    public async Task A_delivery_without_an_id_is_keyed_by_the_hash_of_its_body()
    {
        var body = "{\"event\":\"new_conversation\",\"timestamp\":\"2025-01-20T16:00:00+00:00\",\"data\":{}}";

        using var first = await PostAsync(body);
        using var second = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var context = Assert.Single(_log.Calls).Context;
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        Assert.Equal($"assistloop:sha256:{hash}", context.DeliveryKey);
    }

    internal static string Payload(string id, string type, string extra = "") =>
        "{\"id\":\"" + id + "\",\"event\":\"" + type + "\",\"timestamp\":\"2025-01-20T16:00:00+00:00\",\"data\":{\"conversation\":{\"uuid\":\"conv_1\",\"status\":true,\"response_mode\":\"human\",\"created_at\":\"2025-01-20T16:00:00+00:00\"}" + extra + "}}";

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _app.Http.PostAsync(Target(), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
