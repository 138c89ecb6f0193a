using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>The source-generated JSON contracts of the Vertext models (AOT and trim safe). Internal: the wire format is not API.</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter)],
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IReadOnlyList<VertextChatbot>))]
[JsonSerializable(typeof(IReadOnlyList<VertextContact>))]
[JsonSerializable(typeof(VertextZapierSubscription))]
internal sealed partial class VertextJsonContext : JsonSerializerContext
{
}
