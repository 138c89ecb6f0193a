using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>A Zapier webhook subscription of a chatbot.</summary>
public sealed class VertextZapierSubscription : ApiModel
{
    /// <summary>The subscription's id (a UUID); pass it to <see cref="VertextClient.UnsubscribeWebhookAsync"/>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The chatbot whose events are sent.</summary>
    [JsonPropertyName("chatbot_id")]
    public string ChatbotId { get; set; } = "";

    /// <summary>Where events are sent.</summary>
    [JsonPropertyName("target_url")]
    public string TargetUrl { get; set; } = "";
}
