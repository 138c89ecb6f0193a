using ChatApis.AssistLoop.Api;
using ChatApis.AssistLoop.Requests;
using ChatApis.Http;
using ChatApis.Safety;
using ChatApis.Webhooks;

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
    /// AssistLoop returns the subscription's secret ONCE: read it with
    /// <see cref="AssistLoopWebhookSubscriptionExtensions.GetAssistLoopSecret"/> (or from the
    /// <see cref="AssistLoopWebhookSubscription"/> in <see cref="WebhookSubscription.Raw"/>) and store it.
    /// AssistLoop documents no signature scheme for deliveries, so this SDK offers no verifier. A subscription is
    /// not retried after a failure that may have reached the server (it could create a second one).
    /// </remarks>
    /// <param name="organizationUuid">The organization (workspace) UUID.</param>
    /// <param name="agentUuid">The agent to monitor.</param>
    /// <param name="targetUrl">Where deliveries are POSTed: an absolute HTTPS URL (plain http is accepted only for loopback, for local simulators).</param>
    /// <param name="eventType"><see cref="AssistLoopWebhookEventType.NewConversation"/> or <see cref="AssistLoopWebhookEventType.HumanHandoffRequired"/>.</param>
    /// <param name="externalId">Your own identifier for the subscription (at most 255 characters); not sent when null.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription: its id (for <see cref="UnsubscribeWebhookAsync"/>), the target URL, the event, and AssistLoop's answer (with the secret) in <see cref="WebhookSubscription.Raw"/>.</returns>
    public virtual async Task<ApiResponse<WebhookSubscription>> SubscribeWebhookAsync(
        string organizationUuid,
        string agentUuid,
        Uri targetUrl,
        AssistLoopWebhookEventType eventType,
        string? externalId = null,
        RequestOptions? options = null,
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
        var response = await Pipeline.SendAsync(
            AssistLoopOperations.Subscribe, (call, ct) => Api.Subscribe(body, call, ct), AssistLoopJsonContext.Default.AssistLoopWebhookSubscription, options, cancellationToken).ConfigureAwait(false);

        // The secret is a credential from now on: a later error that echoes it must not print it.
        // (A hostile body may hold "data": null although the model says it cannot.)
        var answer = response.Value;
        Pipeline.Secrets.Add(answer.Data?.Secret);
        var subscription = new WebhookSubscription(answer.Data?.Id ?? "", targetUrl, eventType.Value, answer);
        return new ApiResponse<WebhookSubscription>(subscription, response.StatusCode, response.RequestId, response.RateLimit, response.Attempts, response.IdempotencyKey);
    }

    /// <summary>Removes a webhook subscription (<c>DELETE webhooks/unsubscribe/{uuid}</c>).</summary>
    /// <param name="subscriptionId">The subscription's id, from <see cref="SubscribeWebhookAsync"/>.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response (AssistLoop's confirmation carries nothing else).</returns>
    /// <exception cref="ChatApiNotFoundException">No such subscription.</exception>
    public virtual Task<ApiResponse> UnsubscribeWebhookAsync(string subscriptionId, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(subscriptionId);
        return Pipeline.SendAsync(AssistLoopOperations.Unsubscribe, (call, ct) => Api.Unsubscribe(subscriptionId, call, ct), options, cancellationToken);
    }
}
