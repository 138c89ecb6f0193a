using Flurl.Http;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>Flurl.Http 2.4.2 (Newtonsoft.Json) over a shared HttpClient, called the way its documentation shows.</summary>
public sealed class VertextFlurlClient(HttpClient http) : IVendorClient
{
    private readonly FlurlClient _client = new(http) { BaseUrl = http.BaseAddress!.AbsoluteUri };

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await Page(0, VendorScenario.PageSize).GetJsonAsync<List<VertextChatbotDto>>(cancellationToken)).Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await Page(0, 1).GetJsonAsync<List<VertextChatbotDto>>(cancellationToken)).Count;

    /// <inheritdoc />
    /// <remarks>
    /// Flurl.Http 2.4.2 wants Flurl 2.8.2, which this registry lacks; the nearest, Flurl 3.0.1, removed the
    /// QueryParamCollection constructor that PostUrlEncodedAsync needs (MissingMethodException). So the form
    /// is posted as a FormUrlEncodedContent, which is what a Flurl user would fall back to.
    /// </remarks>
    public async Task<int> PostAsync(CancellationToken cancellationToken = default)
    {
        using var form = new FormUrlEncodedContent([new("target_url", VertextScenario.TargetUrl)]);
        return (await _client.Request("chatbots", VertextScenario.ChatbotId, "zapier_subscriptions")
            .PostAsync(form, cancellationToken)
            .ReceiveJson<VertextSubscriptionDto>()).Id.Length;
    }

    /// <inheritdoc />
    public async Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default)
    {
        long total = 0;
        for (var page = 0; ; page++)
        {
            var count = (await Page(page, VendorScenario.PageSize).GetJsonAsync<List<VertextChatbotDto>>(cancellationToken)).Count;
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
        _client.Request("chatbots", "list").SetQueryParams(new { page, per_page = perPage });
}
