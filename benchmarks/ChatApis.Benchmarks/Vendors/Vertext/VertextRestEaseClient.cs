using RestEase;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>The Vertext calls as a RestEase user declares them.</summary>
public interface IVertextRestEaseApi
{
    [Get("chatbots/list")]
    Task<List<VertextChatbotDto>> ListChatbotsAsync([Query("page")] int page, [Query("per_page")] int perPage, CancellationToken cancellationToken);

    [Post("chatbots/{chatbotId}/zapier_subscriptions")]
    Task<VertextSubscriptionDto> SubscribeAsync([Path("chatbotId")] string chatbotId, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, object> form, CancellationToken cancellationToken);
}

/// <summary>RestEase 1.4.3 (Newtonsoft.Json) over a shared HttpClient.</summary>
public sealed class VertextRestEaseClient(HttpClient http) : IVendorClient
{
    private readonly IVertextRestEaseApi _api = RestClient.For<IVertextRestEaseApi>(http);

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _api.ListChatbotsAsync(0, VendorScenario.PageSize, cancellationToken)).Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _api.ListChatbotsAsync(0, 1, cancellationToken)).Count;

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await _api.SubscribeAsync(VertextScenario.ChatbotId, new() { ["target_url"] = VertextScenario.TargetUrl }, cancellationToken)).Id.Length;

    /// <inheritdoc />
    public async Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default)
    {
        long total = 0;
        for (var page = 0; ; page++)
        {
            var count = (await _api.ListChatbotsAsync(page, VendorScenario.PageSize, cancellationToken)).Count;
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
