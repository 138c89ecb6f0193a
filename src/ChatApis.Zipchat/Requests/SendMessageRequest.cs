using System.Text.Json.Serialization;

namespace ChatApis.Zipchat;

/// <summary>The body of POST .../messages: both fields are required.</summary>
internal sealed class SendMessageRequest
{
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    [JsonPropertyName("sender_id")]
    public required long SenderId { get; init; }
}
