using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>The source-generated JSON contracts of the Zipchat models (AOT and trim safe), for reading stored payloads yourself.</summary>
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
public sealed partial class ZipchatJsonContext : JsonSerializerContext
{
}
