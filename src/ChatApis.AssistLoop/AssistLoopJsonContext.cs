using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The source-generated JSON contracts of the AssistLoop models and request bodies (AOT and trim safe).</summary>
[JsonSourceGenerationOptions(
    Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter), typeof(WebhookEventConverter)],
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(IReadOnlyList<Conversation>))]
[JsonSerializable(typeof(IReadOnlyList<Message>))]
[JsonSerializable(typeof(IReadOnlyList<Organization>))]
[JsonSerializable(typeof(IReadOnlyList<Agent>))]
[JsonSerializable(typeof(IReadOnlyList<AssistLoopWebhookEvent>))]
[JsonSerializable(typeof(AssistLoopWebhookEvent))]
[JsonSerializable(typeof(NewConversationEvent))]
[JsonSerializable(typeof(HumanHandoffRequiredEvent))]
[JsonSerializable(typeof(ReplyResult))]
[JsonSerializable(typeof(CloseResult))]
[JsonSerializable(typeof(WebhookSubscription))]
[JsonSerializable(typeof(WebhookUnsubscribeResult))]
[JsonSerializable(typeof(CurrentUser))]
[JsonSerializable(typeof(AuthorizationResult))]
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
