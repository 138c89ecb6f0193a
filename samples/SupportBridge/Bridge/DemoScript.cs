using ChatApis.AspNetCore;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Zipchat;

namespace Samples.SupportBridge.Bridge;

/// <summary>
/// On the simulators: subscribes the bridge's endpoints, then plays the documents' use cases. A customer asks
/// AssistLoop's AI for a human (and Chatting refuses the first contact, so the delivery fails once and AssistLoop
/// retries it); a customer writes in an escalated Zipchat conversation. The flow is complete when both reached
/// Chatting and Chatting's contact.created triggers came back.
/// </summary>
public static class DemoScript
{
    public static async Task<bool> RunAsync(IServiceProvider services, Vendors vendors, Uri bridge, BridgeTokens tokens, TimeSpan timeout)
    {
        var assistLoopSim = vendors.AssistLoopSim!;
        var chattingSim = vendors.ChattingSim!;
        var zipchatSim = vendors.ZipchatSim!;
        var activity = services.GetRequiredService<BridgeActivity>();
        using var deadline = new CancellationTokenSource(timeout);

        var assistLoop = services.GetRequiredService<AssistLoopClient>();
        var chatting = services.GetRequiredService<ChattingClient>();
        var handoffTarget = WebhookUrlToken.BuildTargetUrl(new Uri(bridge, "hooks/assistloop"), tokens.AssistLoop);
        var triggerTarget = WebhookUrlToken.BuildTargetUrl(new Uri(bridge, "hooks/chatting"), tokens.Chatting);
        var subscription = await assistLoop.SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, AssistLoopSimulator.AgentUuid, handoffTarget, AssistLoopWebhookEventType.HumanHandoffRequired, cancellationToken: deadline.Token);
        await chatting.SubscribeWebhookAsync(ChattingEvent.ContactCreated, triggerTarget, cancellationToken: deadline.Token);
        Console.WriteLine($"Subscribed: AssistLoop human_handoff_required (webhook {subscription.Value.Id}, secret kept, not shown) and Chatting contact.created.");

        Console.WriteLine("Playing: a customer asks AssistLoop's AI for a human; Chatting refuses the first contact, so that delivery fails once.");
        chattingSim.FailNextContactCreate("contact-site-forbidden");
        var conversation = assistLoopSim.StartConversation(AssistLoopSimulator.AgentUuid, "Jane Smith", "jane@example.com", "Hi, my order #10042 never arrived.");
        assistLoopSim.RequestHandoff(conversation, "I need to speak with a human agent");

        Console.WriteLine("Playing: a customer writes in Zipchat conversation 12346, which the AI escalated.");
        zipchatSim.AddCustomerMessage(ZipchatSimulator.EscalatedEmailConversationId, "Any news about the double charge?");

        try
        {
            while (activity.Handoffs < 1 || activity.Escalations < 1 || activity.ChattingConfirmations < 2)
            {
                await Task.Delay(50, deadline.Token);
            }

            await assistLoopSim.Webhooks.WhenIdleAsync().WaitAsync(deadline.Token);
            await chattingSim.WhenDeliveriesIdleAsync().WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine($"The flow did not complete within {timeout}.");
            return false;
        }

        var attempts = assistLoopSim.Webhooks.Attempts;
        var replied = assistLoopSim.GetMessages(conversation).Count(m => m.Contains("a person from our team has your conversation", StringComparison.Ordinal));
        Console.WriteLine();
        Console.WriteLine("Exactly once, in numbers:");
        Console.WriteLine($"  AssistLoop delivery attempts: {attempts.Count} (answers {string.Join(", ", attempts.Select(a => a.StatusCode))}); handoffs handled: {activity.Handoffs}; replies to the customer: {replied}");
        Console.WriteLine($"  Chatting contacts written: {chattingSim.ContactWrites}; contact.created triggers handled: {activity.ChattingConfirmations}");
        Console.WriteLine($"  Zipchat escalations: {activity.Escalations}");
        return attempts.Count == 2 && attempts[0].StatusCode == 500 && attempts[1].StatusCode == 200 && activity.Handoffs == 1 && replied == 1 && activity.Escalations == 1;
    }
}
