using ChatApis.Webhooks;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Webhooks;

namespace ChatApis.Chatting.Tests;

public sealed class WebhookDeliveryTests : ChattingTestBase
{
    private WebhookReceiver _receiver = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = new WebhookReceiver();
        await _receiver.StartAsync(Ct);
    }

    public override async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Creating_a_contact_delivers_contact_created_to_its_subscribers_only()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, _receiver.UrlFor("contacts"), cancellationToken: Ct);
        await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, _receiver.UrlFor("tags"), cancellationToken: Ct);

        ChattingCreatedContact created = await Client.CreateContactAsync(new ChattingNewContact("hook@example.com") { Name = "Hook Lee", Company = "Hooks Inc" }, cancellationToken: Ct);

        var delivery = await _receiver.WaitForDeliveryAsync(cancellationToken: Ct);
        await Sim.WhenDeliveriesIdleAsync();
        Assert.Equal("/contacts", delivery.Path);
        Assert.StartsWith("application/json", delivery.Headers["Content-Type"], StringComparison.Ordinal);
        var trigger = Assert.IsType<ContactCreatedTrigger>(ChattingTrigger.Parse(delivery.Body));
        Assert.Equal(created.Id, trigger.ContactId);
        Assert.Equal("hook@example.com", trigger.Email);
        Assert.Equal("Hook Lee", trigger.Name);
        Assert.Equal("Hooks Inc", trigger.Company);
        Assert.Equal(DocumentDay, trigger.Timestamp);
        Assert.Single(_receiver.Deliveries);
    }

    [Fact]
    public async Task The_delivered_payload_has_the_documented_shape()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.ConversationCreated, _receiver.UrlFor(), cancellationToken: Ct);

        var id = Sim.StartConversation("ana@example.com", "Ana", "https://example.com/pricing", "Is there a trial?");

        var delivery = await _receiver.WaitForDeliveryAsync(cancellationToken: Ct);
        AssertJsonEqual(
            $$$"""
            {"event":"conversation.created","timestamp":"2026-04-09T00:00:00.000Z",
             "data__conversation_id":"{{{id}}}","data__visitor_email":"ana@example.com","data__visitor_name":"Ana",
             "data__page_url":"https://example.com/pricing","data__first_message":"Is there a trial?","data__assigned_to":null,
             "data":{"conversation_id":"{{{id}}}","visitor_email":"ana@example.com","visitor_name":"Ana",
                     "page_url":"https://example.com/pricing","first_message":"Is there a trial?","tags":[],"assigned_to":null}}
            """,
            delivery.Body);
        var trigger = Assert.IsType<ConversationCreatedTrigger>(ChattingTrigger.Parse(delivery.Body));
        Assert.Equal(id, trigger.ConversationId);
    }

    [Fact]
    public async Task Resolving_a_conversation_delivers_conversation_resolved()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.ConversationResolved, _receiver.UrlFor(), cancellationToken: Ct);
        var id = Sim.StartConversation("ana@example.com", "Ana", null, "Hello");
        await Client.SendMessageAsync(id, "Hi Ana, how can we help?", cancellationToken: Ct);
        SimClock.Advance(TimeSpan.FromMinutes(7));

        Sim.ResolveConversation(id, "agent@example.com");

        var trigger = Assert.IsType<ConversationResolvedTrigger>(ChattingTrigger.Parse((await _receiver.WaitForDeliveryAsync(cancellationToken: Ct)).Body));
        Assert.Equal(id, trigger.ConversationId);
        Assert.Equal("ana@example.com", trigger.VisitorEmail);
        Assert.Equal("agent@example.com", trigger.ResolvedBy);
        Assert.Equal(2, trigger.MessageCount);
        Assert.Equal(420, trigger.DurationSeconds);
        Assert.Equal(DocumentDay.AddMinutes(7), trigger.Timestamp);
    }

    [Fact]
    public async Task Tagging_a_contact_delivers_tag_added_on_its_latest_conversation()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, _receiver.UrlFor(), cancellationToken: Ct);

        await Client.AddContactTagAsync(ChattingSimulator.SeededContactId, "hot-lead", cancellationToken: Ct);

        var trigger = Assert.IsType<TagAddedTrigger>(ChattingTrigger.Parse((await _receiver.WaitForDeliveryAsync(cancellationToken: Ct)).Body));
        Assert.Equal(ChattingSimulator.SeededConversationId, trigger.ConversationId);
        Assert.Equal("hot-lead", trigger.Tag);
        Assert.Equal("owner@example.com", trigger.AddedBy);
    }

    [Fact]
    public async Task Tagging_a_conversation_delivers_tag_added()
    {
        await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, _receiver.UrlFor(), cancellationToken: Ct);

        Sim.TagConversation(ChattingSimulator.SeededConversationId, "billing", "agent@example.com");

        var trigger = Assert.IsType<TagAddedTrigger>(ChattingTrigger.Parse((await _receiver.WaitForDeliveryAsync(cancellationToken: Ct)).Body));
        Assert.Equal("billing", trigger.Tag);
        Assert.Equal("agent@example.com", trigger.AddedBy);
        Assert.Contains("billing", Assert.Single(Sim.Conversations, c => c.Id == ChattingSimulator.SeededConversationId).Tags);
    }

    [Fact]
    public async Task After_unsubscribing_nothing_is_delivered()
    {
        WebhookSubscription subscription = await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, _receiver.UrlFor(), cancellationToken: Ct);
        await Client.UnsubscribeWebhookAsync(subscription.Id, cancellationToken: Ct);

        await Client.CreateContactAsync(new ChattingNewContact("quiet@example.com"), cancellationToken: Ct);
        await Sim.WhenDeliveriesIdleAsync();

        Assert.Empty(Sim.DeliveryAttempts);
        Assert.Empty(_receiver.Deliveries);
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_one_minute_of_the_simulator_clock()
    {
        _receiver.Faults.On("POST", "/hook").Once(Fault.Status(503));
        await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, _receiver.UrlFor(), cancellationToken: Ct);

        await Client.CreateContactAsync(new ChattingNewContact("retry.hook@example.com"), cancellationToken: Ct);
        await WaitUntilAsync(() => SimClock.PendingTimerCount > 0);
        Assert.Empty(_receiver.Deliveries);
        SimClock.Advance(TimeSpan.FromMinutes(1));

        var delivery = await _receiver.WaitForDeliveryAsync(cancellationToken: Ct);
        await Sim.WhenDeliveriesIdleAsync();
        Assert.Equal("retry.hook@example.com", Assert.IsType<ContactCreatedTrigger>(ChattingTrigger.Parse(delivery.Body)).Email);
        Assert.Equal([503, 200], Sim.DeliveryAttempts.Select(a => a.StatusCode));
        Assert.Equal(DocumentDay.AddMinutes(1), Sim.DeliveryAttempts[1].At);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _receiver.Faults.On("POST", "/hook").Once(Fault.Status(410));
        await Client.SubscribeWebhookAsync(ChattingEvent.ContactCreated, _receiver.UrlFor(), cancellationToken: Ct);

        await Client.CreateContactAsync(new ChattingNewContact("gone@example.com"), cancellationToken: Ct);
        await Sim.WhenDeliveriesIdleAsync();

        Assert.Equal([410], Sim.DeliveryAttempts.Select(a => a.StatusCode));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
