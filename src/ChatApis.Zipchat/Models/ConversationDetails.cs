using System.Text.Json.Serialization;

namespace ChatApis.Zipchat;

/// <summary>
/// A conversation with one page of its messages, as Get Conversation returns it (with the expanded
/// <see cref="Lead"/> fields). The response's message pagination metadata is not documented: whatever
/// the API sends beside the conversation is kept in <see cref="Json.ApiModel.AdditionalProperties"/>.
/// </summary>
public sealed class ConversationDetails : ZipchatConversation
{
    /// <summary>The requested page of messages, in the order the API sends them.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<ZipchatMessage> Messages { get; set; } = [];
}
