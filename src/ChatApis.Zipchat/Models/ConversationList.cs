using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// One page of List Conversations (<c>{"conversations": [...]}</c>). Pagination metadata beside the list is
/// not documented; anything the API sends there is kept in <see cref="ApiModel.AdditionalProperties"/>.
/// </summary>
public sealed class ConversationList : ApiModel
{
    /// <summary>The conversations on this page.</summary>
    [JsonPropertyName("conversations")]
    public IReadOnlyList<ZipchatConversation> Conversations { get; set; } = [];
}
