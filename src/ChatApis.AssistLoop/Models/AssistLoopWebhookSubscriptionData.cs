using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>A new webhook subscription's id and secret.</summary>
public sealed class AssistLoopWebhookSubscriptionData : ApiModel
{
    /// <summary>The subscription's id (e.g. <c>whk_xyz789</c>): pass it to unsubscribe.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>
    /// The subscription's secret (e.g. <c>whsec_...</c>). AssistLoop returns it ONCE, here: store it
    /// securely. The documents say it verifies webhook signatures but publish no signature header or
    /// algorithm, so this SDK offers no verifier and never logs the value.
    /// </summary>
    [JsonPropertyName("secret")]
    public string? Secret { get; set; }

    /// <summary>A description without the secret.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"WebhookSubscriptionData {{ Id = {Id}, Secret = {(Secret is null ? "none" : "***")} }}";
}
