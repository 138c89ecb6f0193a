using System.Net;
using ChatApis.Http;
using ChatApis.Webhooks;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

public sealed class WebhookTests : ChattingTestBase
{
    private static readonly Uri ZapierHook = new("https://hooks.zapier.com/hooks/catch/123/abc");

    [Fact]
    public async Task Subscribe_sends_the_documented_body_without_a_key_and_reads_every_field()
    {
        var response = await Client.SubscribeWebhookAsync(ChattingEvent.ConversationCreated, ZapierHook, cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        AssertRequest(request, "POST", "/api/zapier/webhooks/subscribe");
        AssertJsonBody(request, Compact(Fixture("subscribe-request.json")));
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
        Assert.Null(response.IdempotencyKey);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("wh_123", response.Value.Id);
        Assert.Equal("conversation.created", response.Value.EventName);
        Assert.Null(response.Value.TargetUrl);
        var subscription = Assert.IsType<ChattingWebhookSubscription>(response.Value.Raw);
        Assert.True(subscription.Ok);
        Assert.Equal("wh_123", subscription.Id);
        Assert.Equal(ChattingEvent.ConversationCreated, subscription.Event);
        Assert.True(subscription.Active);
        var stored = Assert.Single(Sim.Subscriptions);
        Assert.Equal(("wh_123", "conversation.created", ZapierHook.OriginalString, true), (stored.Id, stored.Event, stored.TargetUrl, stored.Active));
    }

    [Fact]
    public async Task Subscribe_reads_the_documented_answer_served_verbatim()
    {
        Sim.Faults.On("POST", "/api/zapier/webhooks/subscribe").Once(Fault.ReplaceBody(Fixture("subscribe-response.json"), "application/json"));

        WebhookSubscription result = await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, ZapierHook, cancellationToken: Ct);

        Assert.Equal("wh_123", result.Id);
        Assert.Equal("conversation.created", result.EventName);
        var subscription = Assert.IsType<ChattingWebhookSubscription>(result.Raw);
        Assert.True(subscription.Ok);
        Assert.Equal("wh_123", subscription.Id);
        Assert.Equal(ChattingEvent.ConversationCreated, subscription.Event);
        Assert.True(subscription.Active);
    }

    [Fact]
    public async Task Unsubscribe_deactivates_and_reads_every_field()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.ConversationCreated, ZapierHook, cancellationToken: Ct);

        var answer = await Client.UnsubscribeWebhookAsync("wh_123", cancellationToken: Ct);

        var request = Sim.Journal.Last;
        AssertRequest(request, "DELETE", "/api/zapier/webhooks/wh_123");
        Assert.Empty(request.BodyBytes);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // The dialect's UnsubscribeWebhookAsync returns ApiResponse; Chatting's answer is still read and handed out.
        var response = Assert.IsType<ApiResponse<ChattingWebhookUnsubscription>>(answer);
        Assert.True(response.Value.Ok);
        Assert.Equal("wh_123", response.Value.Id);
        Assert.False(response.Value.Active);
        Assert.False(Assert.Single(Sim.Subscriptions).Active);
    }

    [Fact]
    public async Task Unsubscribe_reads_the_documented_answer_served_verbatim()
    {
        Sim.Faults.On("DELETE", "/api/zapier/webhooks/wh_123").Once(Fault.Status(200, Fixture("unsubscribe-response.json")));

        ChattingWebhookUnsubscription result = Assert.IsType<ApiResponse<ChattingWebhookUnsubscription>>(await Client.UnsubscribeWebhookAsync("wh_123", cancellationToken: Ct));

        Assert.True(result.Ok);
        Assert.Equal("wh_123", result.Id);
        Assert.False(result.Active);
    }

    [Fact]
    public async Task Subscribing_again_returns_the_same_subscription_reactivated()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, ZapierHook, cancellationToken: Ct);
        await Client.UnsubscribeWebhookAsync("wh_123", cancellationToken: Ct);

        WebhookSubscription again = await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, ZapierHook, cancellationToken: Ct);
        WebhookSubscription otherEvent = await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, ZapierHook, cancellationToken: Ct);

        Assert.Equal("wh_123", again.Id);
        Assert.True(Assert.IsType<ChattingWebhookSubscription>(again.Raw).Active);
        Assert.Equal("wh_124", otherEvent.Id);
        Assert.Equal(2, Sim.Subscriptions.Count);
        Assert.All(Sim.Subscriptions, s => Assert.True(s.Active));
    }

    [Fact]
    public async Task Subscribe_is_retried_after_a_lost_response_because_it_is_an_upsert()
    {
        Sim.Faults.On("POST", "/api/zapier/webhooks/subscribe").Once(Fault.DropResponseAfterProcessing());

        var response = await Client.SubscribeWebhookAsync(ChattingEvent.ConversationResolved, ZapierHook, cancellationToken: Ct);

        Assert.Equal(2, response.Attempts);
        Assert.Equal("wh_123", response.Value.Id);
        Assert.Single(Sim.Subscriptions);
    }

    [Fact]
    public async Task An_event_chatting_does_not_know_is_sent_and_rejected_as_an_invalid_subscription()
    {
        var error = await Assert.ThrowsAsync<ChatApiValidationException>(() => Client.SubscribeWebhookAsync(new ChattingEvent("conversation.updated"), ZapierHook, cancellationToken: Ct));

        AssertJsonBody(Sim.Journal.Last, """{"event":"conversation.updated","target_url":"https://hooks.zapier.com/hooks/catch/123/abc"}""");
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(ChattingErrorCode.InvalidSubscription, error.GetChattingErrorCode());
        Assert.Empty(Sim.Subscriptions);
    }

    [Fact]
    public async Task A_subscription_that_cannot_be_saved_is_a_server_error()
    {
        var client = CreateClient(maxRetries: 0);
        Sim.FailNextSubscribe();

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => client.SubscribeWebhookAsync(ChattingEvent.TagAdded, ZapierHook, cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(ChattingErrorCode.SubscriptionSaveFailed, error.GetChattingErrorCode());
        Assert.Empty(Sim.Subscriptions);
    }

    [Fact]
    public async Task Unsubscribing_an_unknown_id_is_not_found()
    {
        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.UnsubscribeWebhookAsync("wh_999", cancellationToken: Ct));

        Assert.Equal(ChattingErrorCode.NotFound, error.GetChattingErrorCode());
    }

    [Fact]
    public async Task Another_workspace_cannot_unsubscribe_a_subscription()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, ZapierHook, cancellationToken: Ct);
        var other = CreateClient(ChattingSimulator.NoSiteApiKey);

        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => other.UnsubscribeWebhookAsync("wh_123", cancellationToken: Ct));

        Assert.True(Assert.Single(Sim.Subscriptions).Active);
    }
}
