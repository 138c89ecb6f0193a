using RestEase;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>The Zipchat calls as a RestEase user declares them.</summary>
public interface IZipchatRestEaseApi
{
    [Get("chats/{chatId}/conversations")]
    Task<ZipchatConversationListDto> ListConversationsAsync([Path("chatId")] int chatId, [Query("page")] int page, [Query("per_page")] int perPage, CancellationToken cancellationToken);
}

/// <summary>RestEase 1.4.3 (Newtonsoft.Json) over a shared HttpClient.</summary>
public sealed class ZipchatRestEaseClient(HttpClient http) : IVendorClient
{
    private readonly IZipchatRestEaseApi _api = RestClient.For<IZipchatRestEaseApi>(http);

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _api.ListConversationsAsync(ZipchatScenario.ChatId, 1, VendorScenario.PageSize, cancellationToken)).Conversations.Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _api.ListConversationsAsync(ZipchatScenario.ChatId, 1, 1, cancellationToken)).Conversations.Count;

    /// <inheritdoc />
    public Task<int> PostAsync(CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("Zipchat", "post");

    /// <inheritdoc />
    public async Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default)
    {
        long total = 0;
        for (var page = 1; ; page++)
        {
            var count = (await _api.ListConversationsAsync(ZipchatScenario.ChatId, page, VendorScenario.PageSize, cancellationToken)).Conversations.Count;
            total += count;
            if (count < VendorScenario.PageSize || total >= maxItems)
            {
                return total;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();
}
