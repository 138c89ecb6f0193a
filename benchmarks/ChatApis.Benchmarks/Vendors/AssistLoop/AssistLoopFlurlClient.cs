using Flurl.Http;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>Flurl.Http 2.4.2 (Newtonsoft.Json) over a shared HttpClient.</summary>
public sealed class AssistLoopFlurlClient(HttpClient http) : IVendorClient
{
    private readonly FlurlClient _client = new(http) { BaseUrl = http.BaseAddress!.AbsoluteUri };

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _client.Request("automation", "agents", AssistLoopScenario.AgentUuid, "conversations", "list")
            .SetQueryParam("per_page", VendorScenario.PageSize)
            .GetJsonAsync<List<AssistLoopConversationDto>>(cancellationToken)).Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _client.Request("oauth", "me").GetJsonAsync<AssistLoopUserDto>(cancellationToken)).Uuid.Length;

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await _client.Request("automation", "conversations", AssistLoopScenario.ConversationUuid, "reply")
            .PostJsonAsync(new AssistLoopReplyRequestDto { Content = AssistLoopScenario.ReplyText }, cancellationToken)
            .ReceiveJson<AssistLoopReplyResultDto>()).MessageId.Length;

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("AssistLoop", "walk");

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
