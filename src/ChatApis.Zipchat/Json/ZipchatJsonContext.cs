using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// The one source-generated JSON context of the package (AOT and trim safe): the models the client reads and the
/// request bodies it sends. Internal: the wire format is not API. The envelope readers in
/// <see cref="ZipchatResponses"/> resolve the models from this same context.
/// </summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter)],
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ConversationDetails))]
[JsonSerializable(typeof(ZipchatConversation))]
[JsonSerializable(typeof(ZipchatMessage))]
[JsonSerializable(typeof(ZipchatUser))]
[JsonSerializable(typeof(UserList))]
[JsonSerializable(typeof(IReadOnlyList<ZipchatUser>))]
[JsonSerializable(typeof(AssignmentRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
internal sealed partial class ZipchatJsonContext : JsonSerializerContext
{
}
