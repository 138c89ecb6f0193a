using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>The workspace an API key belongs to (<c>GET /me</c>, also the connection check).</summary>
public sealed class ChattingAccount : ChattingResponse
{
    /// <summary>The workspace's id, e.g. <c>owner_123</c>.</summary>
    [JsonPropertyName("workspace_id")]
    public string WorkspaceId { get; set; } = "";

    /// <summary>The team's name.</summary>
    [JsonPropertyName("team_name")]
    public string? TeamName { get; set; }

    /// <summary>The workspace owner's email.</summary>
    [JsonPropertyName("owner_email")]
    public string? OwnerEmail { get; set; }
}
