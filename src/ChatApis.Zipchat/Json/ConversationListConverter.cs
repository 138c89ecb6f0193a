using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Zipchat;

/// <summary>
/// List Conversations: <c>{"conversations": [...]}</c>. A body without a <c>conversations</c> array
/// (<c>{}</c>, <c>{"conversations": null}</c>) is an invalid response, not an empty page that would end a
/// walk early, and every conversation must have its id.
/// </summary>
internal sealed class ConversationListConverter : JsonConverter<ConversationList>
{
    public override ConversationList Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = ListEnvelopes.ReadObject(ref reader, (JsonTypeInfo<ConversationList>)options.GetTypeInfo(typeof(ConversationList)), "conversations");
        ZipchatModelChecks.Each(list.Conversations, "$.conversations", ZipchatModelChecks.Conversation);
        return list;
    }

    public override void Write(Utf8JsonWriter writer, ConversationList value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Response envelopes are only read.");
}
