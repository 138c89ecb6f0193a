using ChatApis.Vertext;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>The SDK adapter: <see cref="VertextClient"/> (Vertext documents no rate limit).</summary>
public sealed class VertextSdkClient(Uri baseAddress, HttpMessageHandler? stub)
    : SdkClientAdapter<VertextClient>(
        () => new VertextClient(Configure(new VertextClientOptions(), baseAddress)),
        services => services.AddVertextClient(o => Configure(o, baseAddress)),
        stub)
{
    /// <inheritdoc />
    public override async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetChatbotsPageAsync(0, VendorScenario.PageSize, cancellationToken: cancellationToken)).Value.Count;

    /// <inheritdoc />
    public override async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetChatbotsPageAsync(0, 1, cancellationToken: cancellationToken)).Value.Count;

    /// <inheritdoc />
    public override async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await Client.SubscribeWebhookAsync(VertextScenario.ChatbotId, new Uri(VertextScenario.TargetUrl), cancellationToken: cancellationToken)).Value.Id.Length;

    /// <inheritdoc />
    public override Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) =>
        CountAsync(Client.ListChatbotsAsync(VendorScenario.PageSize, cancellationToken: cancellationToken), maxItems);

    private static VertextClientOptions Configure(VertextClientOptions options, Uri baseAddress)
    {
        options.AccessToken = VendorScenario.Token;
        options.BaseAddress = baseAddress;
        return options;
    }
}
