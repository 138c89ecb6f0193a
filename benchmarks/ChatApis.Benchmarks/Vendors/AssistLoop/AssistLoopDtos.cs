using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>An item of AssistLoop's List Conversations answer, as a raw-HttpClient user would declare it.</summary>
public sealed class AssistLoopConversationDto
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("uuid"), NJ.JsonProperty("uuid")]
    public string Uuid { get; set; } = "";

    [JsonPropertyName("session_id"), NJ.JsonProperty("session_id")]
    public string? SessionId { get; set; }

    [JsonPropertyName("response_mode"), NJ.JsonProperty("response_mode")]
    public string? ResponseMode { get; set; }

    [JsonPropertyName("status"), NJ.JsonProperty("status")]
    public bool Status { get; set; }

    [JsonPropertyName("last_message_seen"), NJ.JsonProperty("last_message_seen")]
    public bool LastMessageSeen { get; set; }

    [JsonPropertyName("deleted_at"), NJ.JsonProperty("deleted_at")]
    public string? DeletedAt { get; set; }

    [JsonPropertyName("chat_user"), NJ.JsonProperty("chat_user")]
    public AssistLoopChatUserDto? ChatUser { get; set; }
}

/// <summary>The customer of a conversation.</summary>
public sealed class AssistLoopChatUserDto
{
    [JsonPropertyName("name"), NJ.JsonProperty("name")]
    public string? Name { get; set; }

    [JsonPropertyName("email"), NJ.JsonProperty("email")]
    public string? Email { get; set; }

    [JsonPropertyName("country_code"), NJ.JsonProperty("country_code")]
    public string? CountryCode { get; set; }

    [JsonPropertyName("chat_user_id"), NJ.JsonProperty("chat_user_id")]
    public string? ChatUserId { get; set; }
}

/// <summary>The body of Reply to Conversation.</summary>
public sealed class AssistLoopReplyRequestDto
{
    [JsonPropertyName("content"), NJ.JsonProperty("content")]
    public string Content { get; set; } = "";
}

/// <summary>The answer of Reply to Conversation.</summary>
public sealed class AssistLoopReplyResultDto
{
    [JsonPropertyName("status"), NJ.JsonProperty("status")]
    public string Status { get; set; } = "";

    [JsonPropertyName("message_id"), NJ.JsonProperty("message_id")]
    public string MessageId { get; set; } = "";
}

/// <summary>The answer of Get Current User (<c>GET oauth/me</c>).</summary>
public sealed class AssistLoopUserDto
{
    [JsonPropertyName("uuid"), NJ.JsonProperty("uuid")]
    public string Uuid { get; set; } = "";

    [JsonPropertyName("name"), NJ.JsonProperty("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("email"), NJ.JsonProperty("email")]
    public string Email { get; set; } = "";
}
