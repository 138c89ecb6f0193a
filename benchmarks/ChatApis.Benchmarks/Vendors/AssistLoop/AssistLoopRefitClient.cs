using ChatApis.Http;
using Refit;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>The AssistLoop calls as a Refit user declares them: typed answers, the same DTOs as the baseline.</summary>
public interface IAssistLoopRefitApi
{
    /// <summary>List Conversations.</summary>
    [Get("automation/agents/{agentUuid}/conversations/list")]
    Task<List<AssistLoopConversationDto>> ListConversationsAsync(string agentUuid, [AliasAs("per_page")] int perPage, CancellationToken cancellationToken);

    /// <summary>Get Current User.</summary>
    [Get("oauth/me")]
    Task<AssistLoopUserDto> GetCurrentUserAsync(CancellationToken cancellationToken);

    /// <summary>Reply to Conversation.</summary>
    [Post("automation/conversations/{conversationUuid}/reply")]
    Task<AssistLoopReplyResultDto> ReplyAsync(string conversationUuid, [Body] AssistLoopReplyRequestDto body, CancellationToken cancellationToken);
}

/// <summary>
/// Raw Refit 16.4.0 (its source generator) over the baseline's shared HttpClient, with the settings every ChatApis
/// vendor uses (<see cref="ChatApiRefit.CreateSettings"/>: the same source-generated JSON context as the baseline,
/// buffered bodies, RFC 3986 URLs): what the SDK's wire layer costs on its own, without Core around it.
/// </summary>
public sealed class AssistLoopRefitClient(HttpClient http) : IVendorClient
{
    private static readonly RefitSettings Settings = ChatApiRefit.CreateSettings(BenchJsonContext.Default);
    private readonly IAssistLoopRefitApi _api = RestService.For<IAssistLoopRefitApi>(http, Settings);

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _api.ListConversationsAsync(AssistLoopScenario.AgentUuid, VendorScenario.PageSize, cancellationToken)).Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _api.GetCurrentUserAsync(cancellationToken)).Uuid.Length;

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await _api.ReplyAsync(AssistLoopScenario.ConversationUuid, new AssistLoopReplyRequestDto { Content = AssistLoopScenario.ReplyText }, cancellationToken)).MessageId.Length;

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("AssistLoop", "walk");

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
