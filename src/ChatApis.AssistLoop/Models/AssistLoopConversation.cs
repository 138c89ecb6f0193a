using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>A conversation of an agent, as the list endpoint returns it.</summary>
public sealed class AssistLoopConversation : ApiModel
{
    /// <summary>The conversation's id (the documents show the same value as <see cref="Uuid"/>).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The conversation's UUID: pass it to find messages, reply and close.</summary>
    [JsonPropertyName("uuid")]
    public string Uuid { get; set; } = "";

    /// <summary>The chat session's id.</summary>
    [JsonPropertyName("session_id")]
    public string? SessionId { get; set; }

    /// <summary>Who answers: <see cref="AssistLoopResponseMode.Ai"/> or <see cref="AssistLoopResponseMode.Human"/>.</summary>
    [JsonPropertyName("response_mode")]
    public AssistLoopResponseMode ResponseMode { get; set; }

    /// <summary><c>true</c> when the conversation is open (active), <c>false</c> when closed.</summary>
    [JsonPropertyName("status")]
    public bool IsOpen { get; set; }

    /// <summary>Whether the last message has been seen.</summary>
    [JsonPropertyName("last_message_seen")]
    public bool LastMessageSeen { get; set; }

    /// <summary>When the conversation was deleted, or <c>null</c>.</summary>
    [JsonPropertyName("deleted_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The customer, if the response carried one.</summary>
    [JsonPropertyName("chat_user")]
    public AssistLoopChatUser? ChatUser { get; set; }

    /// <summary>When the conversation was created, when the response carries it (the list example does not; the filters and webhook payloads use it).</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the conversation last changed, when the response carries it (the documents' use cases filter on it; the list example does not show it).</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}
