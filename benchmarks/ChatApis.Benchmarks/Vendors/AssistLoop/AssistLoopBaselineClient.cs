using System.Net.Http.Json;
using System.Text.Json;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>The limit for AssistLoop: raw HttpClient + source-generated System.Text.Json.</summary>
public sealed class AssistLoopBaselineClient(HttpClient http) : IVendorClient
{
    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync($"automation/agents/{AssistLoopScenario.AgentUuid}/conversations/list?per_page={VendorScenario.PageSize}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.ListAssistLoopConversationDto, cancellationToken))!.Count;
    }

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync("oauth/me", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.AssistLoopUserDto, cancellationToken))!.Uuid.Length;
    }

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default)
    {
        using var body = JsonContent.Create(new AssistLoopReplyRequestDto { Content = AssistLoopScenario.ReplyText }, BenchJsonContext.Default.AssistLoopReplyRequestDto);
        using var response = await http.PostAsync($"automation/conversations/{AssistLoopScenario.ConversationUuid}/reply", body, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.AssistLoopReplyResultDto, cancellationToken))!.MessageId.Length;
    }

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("AssistLoop", "walk");

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
