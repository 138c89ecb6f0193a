using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>A message posted into a conversation.</summary>
public sealed class ChattingSentMessage : ChattingResponse
{
    /// <summary>The message's id, e.g. <c>msg_123</c>.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The conversation it was posted into.</summary>
    [JsonPropertyName("conversation_id")]
    public string ConversationId { get; set; } = "";

    /// <summary><see cref="ChattingMessageSender.System"/> when a system sender was asked for; otherwise the stored sender (<see cref="ChattingMessageSender.Team"/>).</summary>
    [JsonPropertyName("sender")]
    public ChattingMessageSender Sender { get; set; }

    /// <summary>When the message was stored (ISO 8601 on the wire).</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset CreatedAt { get; set; }
}
