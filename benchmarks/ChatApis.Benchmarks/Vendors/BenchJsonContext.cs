using System.Text.Json.Serialization;
using ChatApis.Benchmarks.Vendors.AssistLoop;
using ChatApis.Benchmarks.Vendors.Vertext;
using ChatApis.Benchmarks.Vendors.Zipchat;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>The baseline's source-generated contracts (what a careful raw-HttpClient user writes).</summary>
[JsonSerializable(typeof(List<VertextChatbotDto>))]
[JsonSerializable(typeof(VertextSubscriptionDto))]
[JsonSerializable(typeof(List<AssistLoopConversationDto>))]
[JsonSerializable(typeof(AssistLoopReplyRequestDto))]
[JsonSerializable(typeof(AssistLoopReplyResultDto))]
[JsonSerializable(typeof(AssistLoopUserDto))]
[JsonSerializable(typeof(ZipchatConversationListDto))]
public sealed partial class BenchJsonContext : JsonSerializerContext
{
}
