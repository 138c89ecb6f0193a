using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The user who approved an authorization request.</summary>
public sealed class AssistLoopAuthorizedUser : ApiModel
{
    /// <summary>The user's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The user's email.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }
}
