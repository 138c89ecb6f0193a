using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The customer of a conversation. Name and email may be null for anonymous conversations.</summary>
public sealed class AssistLoopChatUser : ApiModel
{
    /// <summary>The customer's name, if known.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The customer's email, if known.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>The customer's country code (e.g. <c>US</c>; the Make example shows <c>+1</c>), in conversation lists only.</summary>
    [JsonPropertyName("country_code")]
    public string? CountryCode { get; set; }

    /// <summary>The customer's chat user id, in conversation lists only.</summary>
    [JsonPropertyName("chat_user_id")]
    public string? ChatUserId { get; set; }
}
