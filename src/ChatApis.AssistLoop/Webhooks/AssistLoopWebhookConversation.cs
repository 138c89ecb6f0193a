using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The conversation of a webhook event.</summary>
public sealed class AssistLoopWebhookConversation : ApiModel
{
    /// <summary>The conversation's UUID: pass it to find messages, reply and close.</summary>
    [JsonPropertyName("uuid")]
    public string Uuid { get; set; } = "";

    /// <summary><c>true</c> when the conversation is open.</summary>
    [JsonPropertyName("status")]
    public bool IsOpen { get; set; }

    /// <summary>Who answers.</summary>
    [JsonPropertyName("response_mode")]
    public AssistLoopResponseMode ResponseMode { get; set; }

    /// <summary>When the conversation was created.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? CreatedAt { get; set; }
}
