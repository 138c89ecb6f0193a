using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>The body of <c>POST /webhooks/subscribe</c>.</summary>
internal sealed record SubscribeBody(
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("target_url")] string TargetUrl);
