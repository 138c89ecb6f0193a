using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>The body of <c>POST /conversations/{id}/messages</c>; <c>sender</c> is left out unless a system sender is wanted.</summary>
internal sealed record SendMessageBody(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("sender")] string? Sender);
