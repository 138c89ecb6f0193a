using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>A tag added to a contact.</summary>
public sealed class ChattingContactTag : ChattingResponse
{
    /// <summary>The contact's id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The tag.</summary>
    [JsonPropertyName("tag")]
    public string Tag { get; set; } = "";
}
