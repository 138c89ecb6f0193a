using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The user the access token belongs to (<c>GET oauth/me</c>).</summary>
public sealed class AssistLoopCurrentUser : ApiModel
{
    /// <summary>The user's UUID, e.g. <c>usr_abc123</c>.</summary>
    [JsonPropertyName("uuid")]
    public string Uuid { get; set; } = "";

    /// <summary>The user's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The user's email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }
}
