using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>The longest <c>external_id</c> AssistLoop accepts.</summary>
    public const int MaxExternalIdLength = 255;

    /// <summary>
    /// Subscribes a URL to an agent's events (<c>POST webhooks/subscribe</c>, with the surface's
    /// <c>platform</c>). Parse what arrives with <see cref="AssistLoopWebhookEvent.Parse(string)"/>.
    /// </summary>
    /// <remarks>
    /// The returned <see cref="WebhookSubscriptionData.Secret"/> is shown ONCE: store it. AssistLoop
    /// documents no signature scheme for deliveries, so this SDK offers no verifier. A subscription is
    /// not retried after a failure that may have reached the server (it could create a second one).
    /// </remarks>
    /// <param name="organizationUuid">The organization (workspace) UUID.</param>
    /// <param name="agentUuid">The agent to monitor.</param>
    /// <param name="targetUrl">Where deliveries are POSTed: an absolute HTTPS URL (plain http is accepted only for loopback, for local simulators).</param>
    /// <param name="eventType"><see cref="WebhookEventType.NewConversation"/> or <see cref="WebhookEventType.HumanHandoffRequired"/>.</param>
    /// <param name="externalId">Your own identifier for the subscription (at most 255 characters); not sent when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription's id and secret.</returns>
    public virtual async Task<ApiResponse<WebhookSubscription>> SubscribeWebhookAsync(
        string organizationUuid,
        string agentUuid,
        Uri targetUrl,
        WebhookEventType eventType,
        string? externalId = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(organizationUuid);
        Guard.NotEmpty(agentUuid);
        Guard.AbsoluteUrl(targetUrl, requireHttps: targetUrl is not { IsAbsoluteUri: true, IsLoopback: true });
        Guard.NotEmpty(eventType.Value, nameof(eventType));
        if (externalId is not null)
        {
            Guard.MaxLength(externalId, MaxExternalIdLength);
        }

        var body = new SubscribeBody(organizationUuid, agentUuid, targetUrl.AbsoluteUri, eventType.Value, Platform, externalId);
        var request = new ApiRequest(HttpMethod.Post, "webhooks/subscribe")
            .WithJsonBody(body, AssistLoopJsonContext.Default.SubscribeBody);
        var response = await Pipeline.SendAsync(request, AssistLoopJsonContext.Default.WebhookSubscription, cancellationToken).ConfigureAwait(false);

        // The secret is a credential from now on: a later error that echoes it must not print it.
        // (A hostile body may hold "data": null although the model says it cannot.)
        Pipeline.Secrets.Add(response.Value.Data?.Secret);
        return response;
    }

    /// <summary>Removes a webhook subscription (<c>DELETE webhooks/unsubscribe/{uuid}</c>).</summary>
    /// <param name="subscriptionId">The subscription's id, from <see cref="SubscribeWebhookAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The confirmation.</returns>
    /// <exception cref="ChatApiNotFoundException">No such subscription.</exception>
    public virtual Task<ApiResponse<WebhookUnsubscribeResult>> UnsubscribeWebhookAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(subscriptionId);
        var request = new ApiRequest(HttpMethod.Delete, "webhooks/unsubscribe/{uuid}", subscriptionId);
        return Pipeline.SendAsync(request, AssistLoopJsonContext.Default.WebhookUnsubscribeResult, cancellationToken);
    }
}
