using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>The contact Chatting created (or found by its email).</summary>
public sealed class ChattingCreatedContact : ChattingResponse
{
    /// <summary>The contact's id, e.g. <c>contact_123</c> (stable for the same email).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The contact's email.</summary>
    [JsonPropertyName("email")]
    public string Email { get; set; } = "";

    /// <summary>The contact's name, if it has one.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>When the contact was created (ISO 8601 on the wire).</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset CreatedAt { get; set; }
}
