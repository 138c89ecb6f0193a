using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>An AI agent of an organization (Make surface).</summary>
public sealed class AssistLoopAgent : ApiModel
{
    /// <summary>The agent's UUID (pass it to list conversations and to subscribe webhooks).</summary>
    [JsonPropertyName("agent_uuid")]
    public string AgentUuid { get; set; } = "";

    /// <summary>The id (the documents show the same value as <see cref="AgentUuid"/>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The agent's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
