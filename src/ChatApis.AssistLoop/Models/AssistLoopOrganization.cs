using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>An organization (workspace) the user belongs to (Make surface).</summary>
public sealed class AssistLoopOrganization : ApiModel
{
    /// <summary>The organization's UUID (pass it to list its agents and to subscribe webhooks).</summary>
    [JsonPropertyName("organization_uuid")]
    public string OrganizationUuid { get; set; } = "";

    /// <summary>The id (the documents show the same value as <see cref="OrganizationUuid"/>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The organization's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}
