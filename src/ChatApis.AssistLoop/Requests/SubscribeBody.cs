using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop.Requests;

// A JSON body the client sends, in the documents' property order.
internal sealed record SubscribeBody(
    [property: JsonPropertyName("organization_uuid")] string OrganizationUuid,
    [property: JsonPropertyName("agent_uuid")] string AgentUuid,
    [property: JsonPropertyName("target_url")] string TargetUrl,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("external_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExternalId);
