using System.Text.Json.Serialization;
using ChatApis.Benchmarks.Vendors.AssistLoop;
using ChatApis.Benchmarks.Vendors.Vertext;
using ChatApis.Benchmarks.Vendors.Zipchat;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>The baseline's source-generated contracts (what a careful raw-HttpClient user writes).</summary>
[JsonSerializable(typeof(List<VertextChatbotDto>))]
[JsonSerializable(typeof(VertextSubscriptionDto))]

// The SDK's own Vertext models (its JSON context is internal): what "the SDK's models" rows parse into.
[JsonSerializable(typeof(IReadOnlyList<ChatApis.Vertext.VertextChatbot>))]
[JsonSerializable(typeof(List<AssistLoopConversationDto>))]
[JsonSerializable(typeof(AssistLoopReplyRequestDto))]
[JsonSerializable(typeof(AssistLoopReplyResultDto))]
[JsonSerializable(typeof(AssistLoopUserDto))]
[JsonSerializable(typeof(ZipchatConversationListDto))]
public sealed partial class BenchJsonContext : JsonSerializerContext
{
}
