using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// A user who can be assigned a conversation and send manual messages: the chat owner or a participant.
/// Only <see cref="Id"/> and <see cref="AvatarUrl"/> are documented; every other field the API sends
/// (such as the name the customer sees) is kept in <see cref="ApiModel.AdditionalProperties"/>.
/// </summary>
public sealed class ZipchatUser : ApiModel
{
    /// <summary>The user's id (use it as <c>assignee_id</c> or <c>sender_id</c>).</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>The avatar's URL, or <c>null</c> when the user has not uploaded one.</summary>
    [JsonPropertyName("avatar_url")]
    public string? AvatarUrl { get; set; }
}
