using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>A message of a conversation, from the customer, the AI, or a human agent.</summary>
public sealed class ZipchatMessage : ApiModel
{
    /// <summary>The message's id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>Who wrote it, e.g. <see cref="MessageRole.User"/> (the customer) or <see cref="MessageRole.Assistant"/>.</summary>
    [JsonPropertyName("role")]
    public MessageRole Role { get; set; }

    /// <summary>
    /// The raw <c>message</c> text exactly as sent: plain text, HTML (AI answers may contain markup), or a
    /// JSON-encoded array of blocks when the message has attachments. <see cref="GetBlocks"/> reads it as typed blocks.
    /// </summary>
    [JsonPropertyName("message")]
    public string? Content { get; set; }

    /// <summary>Whether a human agent sent it by hand (a manual reply) rather than the AI.</summary>
    [JsonPropertyName("manual_reply")]
    public bool ManualReply { get; set; }

    /// <summary>The delivery status, when the API sends one (its values are not documented).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>The user recorded as the sender of a manual reply, or <c>null</c>.</summary>
    [JsonPropertyName("sender_id")]
    public long? SenderId { get; set; }

    /// <summary>When the message was created.</summary>
    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Reads <see cref="Content"/> as typed blocks: a JSON-encoded array of blocks becomes one block each
    /// (<see cref="TextMessageBlock"/>, <see cref="ImageMessageBlock"/>, or <see cref="UnknownMessageBlock"/>
    /// for types this release does not know); any other content becomes one <see cref="TextMessageBlock"/>
    /// holding the raw text (HTML included). Never throws; <see cref="Content"/> is left untouched.
    /// </summary>
    /// <returns>The blocks; empty when the content is null or empty.</returns>
    public IReadOnlyList<MessageBlock> GetBlocks() => MessageBlock.Parse(Content);
}
