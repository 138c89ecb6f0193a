using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The agent of a webhook event.</summary>
public sealed class AssistLoopWebhookAgent : ApiModel
{
    /// <summary>The agent's UUID.</summary>
    [JsonPropertyName("uuid")]
    public string Uuid { get; set; } = "";

    /// <summary>The agent's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
