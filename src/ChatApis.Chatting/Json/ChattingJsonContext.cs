using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>The source-generated JSON contracts of the Chatting models and request bodies (AOT and trim safe).</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter)],
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChattingAccount))]
[JsonSerializable(typeof(ChattingWebhookSubscription))]
[JsonSerializable(typeof(ChattingWebhookUnsubscription))]
[JsonSerializable(typeof(ChattingCreatedContact))]
[JsonSerializable(typeof(ChattingContactTag))]
[JsonSerializable(typeof(ChattingSentMessage))]
[JsonSerializable(typeof(IReadOnlyList<ChattingTrigger>))]
[JsonSerializable(typeof(ChattingNewContact))]
[JsonSerializable(typeof(SubscribeBody))]
[JsonSerializable(typeof(AddTagBody))]
[JsonSerializable(typeof(SendMessageBody))]
internal sealed partial class ChattingJsonContext : JsonSerializerContext
{
    /// <summary>
    /// For request bodies: text goes out as typed ("+1 555 ..." rather than "\u002B1 555 ..."). Both are
    /// valid JSON, but the body is what the idempotency store compares and what people read in logs;
    /// HTML-safe escaping buys nothing in an API body.
    /// </summary>
    public static ChattingJsonContext Requests { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
