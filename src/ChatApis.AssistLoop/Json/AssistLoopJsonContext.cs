using System.Text.Json.Serialization;
using ChatApis.AssistLoop.Requests;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The source-generated JSON contracts of the AssistLoop models and request bodies (AOT and trim safe).</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter), typeof(WebhookEventConverter)],
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IReadOnlyList<AssistLoopConversation>))]
[JsonSerializable(typeof(IReadOnlyList<AssistLoopMessage>))]
[JsonSerializable(typeof(IReadOnlyList<AssistLoopOrganization>))]
[JsonSerializable(typeof(IReadOnlyList<AssistLoopAgent>))]
[JsonSerializable(typeof(IReadOnlyList<AssistLoopWebhookEvent>))]
[JsonSerializable(typeof(AssistLoopWebhookEvent))]
[JsonSerializable(typeof(AssistLoopNewConversationEvent))]
[JsonSerializable(typeof(AssistLoopHumanHandoffRequiredEvent))]
[JsonSerializable(typeof(AssistLoopReplyResult))]
[JsonSerializable(typeof(AssistLoopCloseResult))]
[JsonSerializable(typeof(AssistLoopWebhookSubscription))]
[JsonSerializable(typeof(AssistLoopCurrentUser))]
[JsonSerializable(typeof(AssistLoopAuthorizationResult))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(ReplyBody))]
[JsonSerializable(typeof(CloseBody))]
[JsonSerializable(typeof(SubscribeBody))]
[JsonSerializable(typeof(AuthorizeBody))]
[JsonSerializable(typeof(CodeGrantBody))]
[JsonSerializable(typeof(RefreshGrantBody))]
internal sealed partial class AssistLoopJsonContext : JsonSerializerContext
{
}
