using RestEase;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>The AssistLoop calls as a RestEase user declares them.</summary>
public interface IAssistLoopRestEaseApi
{
    [Get("automation/agents/{agentUuid}/conversations/list")]
    Task<List<AssistLoopConversationDto>> ListConversationsAsync([Path("agentUuid")] string agentUuid, [Query("per_page")] int perPage, CancellationToken cancellationToken);

    [Get("oauth/me")]
    Task<AssistLoopUserDto> GetCurrentUserAsync(CancellationToken cancellationToken);

    [Post("automation/conversations/{conversationUuid}/reply")]
    Task<AssistLoopReplyResultDto> ReplyAsync([Path("conversationUuid")] string conversationUuid, [Body] AssistLoopReplyRequestDto body, CancellationToken cancellationToken);
}

/// <summary>RestEase 1.4.3 (Newtonsoft.Json) over a shared HttpClient.</summary>
public sealed class AssistLoopRestEaseClient(HttpClient http) : IVendorClient
{
    private readonly IAssistLoopRestEaseApi _api = RestClient.For<IAssistLoopRestEaseApi>(http);

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
