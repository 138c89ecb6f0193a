using ChatApis.Json;

namespace ChatApis.Webhooks;

/// <summary>
/// A webhook subscription as every vendor's <c>SubscribeWebhookAsync</c> returns it: the id to unsubscribe
/// with, where deliveries go, and for what. What a vendor returns beyond these is kept in
/// <see cref="ApiModel.AdditionalProperties"/> of <see cref="Raw"/>.
/// </summary>
public sealed class WebhookSubscription
{
    /// <summary>Creates a subscription result.</summary>
    /// <param name="id">The subscription id (what <c>UnsubscribeWebhookAsync</c> takes).</param>
    /// <param name="targetUrl">Where the vendor delivers events, if it said.</param>
    /// <param name="eventName">The event subscribed to, if the vendor subscribes per event.</param>
    /// <param name="raw">The vendor's own response model, if it has one.</param>
    public WebhookSubscription(string id, Uri? targetUrl, string? eventName, ApiModel? raw)
    {
        ArgumentNullException.ThrowIfNull(id);
        Id = id;
        TargetUrl = targetUrl;
        EventName = eventName;
        Raw = raw;
    }

    /// <summary>The subscription id (what <c>UnsubscribeWebhookAsync</c> takes).</summary>
    public string Id { get; }

    /// <summary>Where the vendor delivers events, if it said.</summary>
    public Uri? TargetUrl { get; }

    /// <summary>The event subscribed to, if the vendor subscribes per event (e.g. Chatting's <c>new_message</c>).</summary>
    public string? EventName { get; }

    /// <summary>The vendor's own response model (its fields and any undocumented extras), if it has one.</summary>
    public ApiModel? Raw { get; }

    /// <inheritdoc />
    public override string ToString() => $"WebhookSubscription {Id}";
}
