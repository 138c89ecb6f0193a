using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The organization of a webhook event.</summary>
public sealed class AssistLoopWebhookOrganization : ApiModel
{
    /// <summary>The organization's UUID.</summary>
    [JsonPropertyName("uuid")]
    public string Uuid { get; set; } = "";

    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
