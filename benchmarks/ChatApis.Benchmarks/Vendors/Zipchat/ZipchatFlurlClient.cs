using Flurl.Http;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>Flurl.Http 2.4.2 (Newtonsoft.Json) over a shared HttpClient.</summary>
public sealed class ZipchatFlurlClient(HttpClient http) : IVendorClient
{
    private readonly FlurlClient _client = new(http) { BaseUrl = http.BaseAddress!.AbsoluteUri };

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await Page(1, VendorScenario.PageSize).GetJsonAsync<ZipchatConversationListDto>(cancellationToken)).Conversations.Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await Page(1, 1).GetJsonAsync<ZipchatConversationListDto>(cancellationToken)).Conversations.Count;

    /// <inheritdoc />
    public Task<int> PostAsync(CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("Zipchat", "post");

    /// <inheritdoc />
    public async Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default)
    {
        long total = 0;
        for (var page = 1; ; page++)
        {
            var count = (await Page(page, VendorScenario.PageSize).GetJsonAsync<ZipchatConversationListDto>(cancellationToken)).Conversations.Count;
            total += count;
            if (count < VendorScenario.PageSize || total >= maxItems)
            {
                return total;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private IFlurlRequest Page(int page, int perPage) =>
        _client.Request("chats", ZipchatScenario.ChatId, "conversations").SetQueryParams(new { page, per_page = perPage });
}
