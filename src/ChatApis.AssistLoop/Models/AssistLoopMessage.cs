using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>A message of a conversation, as the find endpoint returns it (newest first).</summary>
public sealed class AssistLoopMessage : ApiModel
{
    /// <summary>The message's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The message's UUID.</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; set; }

    /// <summary>The text (may contain line breaks).</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    /// <summary><see cref="AssistLoopMessageType.Guest"/> (the customer) or <see cref="AssistLoopMessageType.Agent"/> (AI or human).</summary>
    [JsonPropertyName("type")]
    public AssistLoopMessageType Type { get; set; }

    /// <summary>Whether the message was read; null in the documents' example.</summary>
    [JsonPropertyName("is_read")]
    public bool? IsRead { get; set; }

    /// <summary>The message's status; null in the documents' example, whose shape they do not document, so it is kept as raw JSON.</summary>
    [JsonPropertyName("status")]
    public JsonElement? Status { get; set; }

    /// <summary><see cref="AssistLoopResponderType.Ai"/>, <see cref="AssistLoopResponderType.HumanAssistant"/>, or <c>null</c> for guest messages.</summary>
    [JsonPropertyName("responder_type")]
    public AssistLoopResponderType? ResponderType { get; set; }

    /// <summary>When the message was emailed, or <c>null</c>.</summary>
    [JsonPropertyName("emailed_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? EmailedAt { get; set; }

    /// <summary>Whether the emailed message was seen.</summary>
    [JsonPropertyName("email_seen")]
    public bool EmailSeen { get; set; }

    /// <summary>When the emailed message was opened, or <c>null</c>.</summary>
    [JsonPropertyName("email_opened_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? EmailOpenedAt { get; set; }

    /// <summary>The channel, e.g. <c>web</c>.</summary>
    [JsonPropertyName("via")]
    public string? Via { get; set; }

    /// <summary>When the message was created (e.g. <c>2025-01-20T16:00:15.000000Z</c> on the wire).</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The customer's feedback on an AI response, usually <c>null</c>.</summary>
    [JsonPropertyName("user_feedback")]
    public AssistLoopUserFeedback? UserFeedback { get; set; }

    /// <summary>The sender's display name (computed by AssistLoop).</summary>
    [JsonPropertyName("sender_name")]
    public string? SenderName { get; set; }

    /// <summary>The file attachments; the documents show only an empty array, so each is kept as raw JSON.</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<JsonElement> Attachments { get; set; } = [];
}
