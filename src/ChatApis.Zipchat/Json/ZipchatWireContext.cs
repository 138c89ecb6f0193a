using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>What the client sends and reads on the wire: the public models plus the internal envelopes and request bodies (the converters resolve the models from this same context).</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter)],
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ConversationDetails))]
[JsonSerializable(typeof(Conversation))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(ZipchatUser))]
[JsonSerializable(typeof(UserList))]
[JsonSerializable(typeof(IReadOnlyList<ZipchatUser>))]
[JsonSerializable(typeof(ConversationDetailsEnvelope))]
[JsonSerializable(typeof(ConversationEnvelope))]
[JsonSerializable(typeof(MessageEnvelope))]
[JsonSerializable(typeof(UserEnvelope))]
[JsonSerializable(typeof(UserListEnvelope))]
[JsonSerializable(typeof(ConversationListEnvelope))]
[JsonSerializable(typeof(AssignmentRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
internal sealed partial class ZipchatWireContext : JsonSerializerContext
{
}
