using ChatApis.Webhooks;

namespace ChatApis.AssistLoop;

/// <summary>Reads what AssistLoop adds to a <see cref="WebhookSubscription"/>.</summary>
public static class AssistLoopWebhookSubscriptionExtensions
{
    /// <summary>The signing secret AssistLoop returned with the subscription, shown this once: store it.</summary>
    /// <param name="subscription">What <see cref="AssistLoopClient.SubscribeWebhookAsync"/> returned.</param>
    /// <returns>The secret, or <c>null</c> when the answer carried none (or the subscription is not AssistLoop's).</returns>
    public static string? GetAssistLoopSecret(this WebhookSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return (subscription.Raw as AssistLoopWebhookSubscription)?.Data?.Secret;
    }
}
