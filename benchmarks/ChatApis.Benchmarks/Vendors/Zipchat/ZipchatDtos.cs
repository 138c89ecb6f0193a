using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>Zipchat's list answer: <c>{"conversations": [...]}</c>.</summary>
public sealed class ZipchatConversationListDto
{
    [JsonPropertyName("conversations"), NJ.JsonProperty("conversations")]
    public List<ZipchatConversationDto> Conversations { get; set; } = [];
}

/// <summary>A Zipchat conversation as a raw-HttpClient user would declare it.</summary>
public sealed class ZipchatConversationDto
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")]
    public long Id { get; set; }

    [JsonPropertyName("chat_id"), NJ.JsonProperty("chat_id")]
    public long ChatId { get; set; }

    [JsonPropertyName("created_at"), NJ.JsonProperty("created_at")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("last_message_at"), NJ.JsonProperty("last_message_at")]
    public DateTimeOffset? LastMessageAt { get; set; }

    [JsonPropertyName("channel"), NJ.JsonProperty("channel")]
    public string? Channel { get; set; }

    [JsonPropertyName("manual_reply_mode"), NJ.JsonProperty("manual_reply_mode")]
    public bool ManualReplyMode { get; set; }

    [JsonPropertyName("last_escalated_at"), NJ.JsonProperty("last_escalated_at")]
    public DateTimeOffset? LastEscalatedAt { get; set; }

    [JsonPropertyName("last_escalation_resolved_at"), NJ.JsonProperty("last_escalation_resolved_at")]
    public DateTimeOffset? LastEscalationResolvedAt { get; set; }

    [JsonPropertyName("assignee"), NJ.JsonProperty("assignee")]
    public ZipchatAssigneeDto? Assignee { get; set; }

    [JsonPropertyName("share_url"), NJ.JsonProperty("share_url")]
    public string? ShareUrl { get; set; }

    [JsonPropertyName("lead"), NJ.JsonProperty("lead")]
    public ZipchatLeadDto? Lead { get; set; }
}

/// <summary>The user a conversation is assigned to.</summary>
public sealed class ZipchatAssigneeDto
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")]
    public long Id { get; set; }
}

/// <summary>The lead (customer) of a conversation.</summary>
public sealed class ZipchatLeadDto
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")]
    public long Id { get; set; }

    [JsonPropertyName("full_name"), NJ.JsonProperty("full_name")]
    public string? FullName { get; set; }

    [JsonPropertyName("email"), NJ.JsonProperty("email")]
    public string? Email { get; set; }

    [JsonPropertyName("phone_number"), NJ.JsonProperty("phone_number")]
    public string? PhoneNumber { get; set; }

    [JsonPropertyName("email_marketing_consent"), NJ.JsonProperty("email_marketing_consent")]
    public bool? EmailMarketingConsent { get; set; }
}
