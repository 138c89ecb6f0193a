using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The message of a webhook event (the initial or the last one).</summary>
public sealed class AssistLoopWebhookMessage : ApiModel
{
    /// <summary>The message's UUID.</summary>
    [JsonPropertyName("uuid")]
    public string Uuid { get; set; } = "";

    /// <summary>The text.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    /// <summary>The message type, e.g. <see cref="AssistLoopMessageType.Guest"/>.</summary>
    [JsonPropertyName("type")]
    public AssistLoopMessageType Type { get; set; }

    /// <summary>When the message was created.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset? CreatedAt { get; set; }
}
