using System.Text.Json;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>The limit for Zipchat: raw HttpClient + source-generated System.Text.Json.</summary>
public sealed class ZipchatBaselineClient(HttpClient http) : IVendorClient
{
    /// <inheritdoc />
    public Task<int> ListAsync(CancellationToken cancellationToken = default) => PageAsync(1, VendorScenario.PageSize, cancellationToken);

    /// <inheritdoc />
    public Task<int> SimpleAsync(CancellationToken cancellationToken = default) => PageAsync(1, 1, cancellationToken);

    /// <inheritdoc />
    public Task<int> PostAsync(CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("Zipchat", "post");

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) =>
        PageWalk.CountAsync((page, ct) => PageAsync(page, VendorScenario.PageSize, ct), firstPage: 1, maxItems, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    private async Task<int> PageAsync(int page, int perPage, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"chats/{ZipchatScenario.ChatId}/conversations?page={page}&per_page={perPage}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return (await JsonSerializer.DeserializeAsync(stream, BenchJsonContext.Default.ZipchatConversationListDto, cancellationToken))!.Conversations.Count;
    }
}
