namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>The fastest raw code for AssistLoop: raw HttpClient, each body read whole into a pooled buffer and parsed in one pass.</summary>
public sealed class AssistLoopBestClient(HttpClient http) : IVendorClient
{
    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"automation/agents/{AssistLoopScenario.AgentUuid}/conversations/list?per_page={VendorScenario.PageSize}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (await PooledJsonBody.ReadAsync(response, BenchJsonContext.Default.ListAssistLoopConversationDto, cancellationToken)).Count;
    }

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("oauth/me", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return (await PooledJsonBody.ReadAsync(response, BenchJsonContext.Default.AssistLoopUserDto, cancellationToken)).Uuid.Length;
    }

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default)
    {
        using var body = PooledJsonBody.Content(new AssistLoopReplyRequestDto { Content = AssistLoopScenario.ReplyText }, BenchJsonContext.Default.AssistLoopReplyRequestDto);
        using var response = await http.PostAsync($"automation/conversations/{AssistLoopScenario.ConversationUuid}/reply", body, cancellationToken);
        return (await PooledJsonBody.ReadAsync(response, BenchJsonContext.Default.AssistLoopReplyResultDto, cancellationToken)).MessageId.Length;
    }

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("AssistLoop", "walk");

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
