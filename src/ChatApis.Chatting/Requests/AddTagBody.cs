using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>The body of <c>POST /contacts/{id}/tags</c>.</summary>
internal sealed record AddTagBody([property: JsonPropertyName("tag")] string Tag);
