using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>A chatbot owned by the authenticated Vertext user.</summary>
public sealed class VertextChatbot : ApiModel
{
    /// <summary>The chatbot's id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The chatbot's name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The chatbot's description.</summary>
    [JsonPropertyName("description")]
    public string Description { get; set; } = "";

    /// <summary>The chatbot's system prompt.</summary>
    [JsonPropertyName("prompt")]
    public string Prompt { get; set; } = "";

    /// <summary>The sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public double Temperature { get; set; }

    /// <summary>When the chatbot was created (Unix seconds on the wire).</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The owning user's id.</summary>
    [JsonPropertyName("user_id")]
    public string UserId { get; set; } = "";

    /// <summary>The chatbot's status, e.g. <see cref="VertextChatbotStatus.Active"/>.</summary>
    [JsonPropertyName("status")]
    public VertextChatbotStatus Status { get; set; }
}
