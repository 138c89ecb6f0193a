using System.Text.Json.Serialization;

namespace ChatApis.Zipchat;

/// <summary>The body of PATCH .../assignment. The key is always written, as <c>null</c> to hand back to the AI: omitting it is a 422.</summary>
internal sealed class AssignmentRequest
{
    [JsonPropertyName("assignee_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public long? AssigneeId { get; init; }
}
