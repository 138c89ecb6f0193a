using System.Text.Json;
using ChatApis.Vertext;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>The limit: raw HttpClient, ResponseHeadersRead, streaming System.Text.Json with a source-generated contract.</summary>
public sealed class VertextBaselineClient(HttpClient http, bool sdkModels) : IVendorClient
{
    /// <inheritdoc />
    public Task<int> ListAsync(CancellationToken cancellationToken = default) => PageAsync(0, VendorScenario.PageSize, cancellationToken);

    /// <inheritdoc />
    public Task<int> SimpleAsync(CancellationToken cancellationToken = default) => PageAsync(0, 1, cancellationToken);

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent([new("target_url", VertextScenario.TargetUrl)]);
        using var response = await http.PostAsync($"chatbots/{VertextScenario.ChatbotId}/zapier_subscriptions", form, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var subscription = await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.VertextSubscriptionDto, cancellationToken);
        return subscription!.Id.Length;
    }

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) =>
        PageWalk.CountAsync((page, ct) => PageAsync(page, VendorScenario.PageSize, ct), firstPage: 0, maxItems, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<int> PageAsync(int page, int perPage, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"chatbots/list?page={page}&per_page={perPage}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return sdkModels
            ? (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.IReadOnlyListVertextChatbot, cancellationToken))!.Count
            : (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.ListVertextChatbotDto, cancellationToken))!.Count;
    }
}
