using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>A conversation of the chat, as List Conversations returns it (and the assignment endpoint, as far as is known).</summary>
public class ZipchatConversation : ApiModel
{
    /// <summary>The conversation's id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>The chat the conversation belongs to.</summary>
    [JsonPropertyName("chat_id")]
    public long ChatId { get; set; }

    /// <summary>When the conversation started.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last message was written (<c>null</c> if the API sends none).</summary>
    [JsonPropertyName("last_message_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? LastMessageAt { get; set; }

    /// <summary>The channel, e.g. <see cref="ConversationChannel.Web"/>.</summary>
    [JsonPropertyName("channel")]
    public ConversationChannel Channel { get; set; }

    /// <summary>Whether a human has taken the conversation over (manual mode); false while the AI answers.</summary>
    [JsonPropertyName("manual_reply_mode")]
    public bool ManualReplyMode { get; set; }

    /// <summary>When the AI last escalated the conversation to a human, or <c>null</c>.</summary>
    [JsonPropertyName("last_escalated_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? LastEscalatedAt { get; set; }

    /// <summary>When an agent last marked the escalation resolved, or <c>null</c>.</summary>
    [JsonPropertyName("last_escalation_resolved_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? LastEscalationResolvedAt { get; set; }

    /// <summary>The user the conversation is assigned to, or <c>null</c> when unassigned (the AI answers).</summary>
    [JsonPropertyName("assignee")]
    public ZipchatUser? Assignee { get; set; }

    /// <summary>The link to the conversation in the Zipchat dashboard.</summary>
    [JsonPropertyName("share_url")]
    public string? ShareUrl { get; set; }

    /// <summary>The customer, or <c>null</c> when not known.</summary>
    [JsonPropertyName("lead")]
    public Lead? Lead { get; set; }

    /// <summary>
    /// Whether the conversation has an escalation no agent has resolved yet: it was escalated, and not
    /// resolved since.
    /// </summary>
    [JsonIgnore]
    public bool HasOpenEscalation =>
        LastEscalatedAt is { } escalated && (LastEscalationResolvedAt is not { } resolved || resolved < escalated);
}
