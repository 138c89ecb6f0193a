namespace ChatApis.Testing.Webhooks;

/// <summary>One webhook POST a <see cref="WebhookReceiver"/> received.</summary>
/// <param name="Path">The request path it was posted to.</param>
/// <param name="Headers">Its headers (case-insensitive names).</param>
/// <param name="Body">Its body, as UTF-8 text.</param>
/// <param name="ReceivedAt">When it arrived, by the receiver's clock.</param>
public sealed record WebhookDelivery(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset ReceivedAt);
