using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>
/// The SDK adapter: <see cref="ZipchatClient"/>. Client-side rate limiting is off, or the documented
/// 120 requests a minute would throttle the measuring loop.
/// </summary>
public sealed class ZipchatSdkClient(Uri baseAddress, HttpMessageHandler? stub)
    : SdkClientAdapter<ZipchatClient>(
        () => new ZipchatClient(Configure(new ZipchatClientOptions(), baseAddress)),
        services => services.AddZipchatClient(o => Configure(o, baseAddress)),
        stub)
{
    /// <inheritdoc />
    public override async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetConversationsPageAsync(1, VendorScenario.PageSize, cancellationToken: cancellationToken)).Value.Conversations.Count;

    /// <inheritdoc />
    public override async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetConversationsPageAsync(1, 1, cancellationToken: cancellationToken)).Value.Conversations.Count;

    /// <inheritdoc />
    public override Task<int> PostAsync(CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("Zipchat", "post");

    /// <inheritdoc />
    public override Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) =>
        CountAsync(Client.ListConversationsAsync(VendorScenario.PageSize, cancellationToken: cancellationToken), maxItems);

    private static ZipchatClientOptions Configure(ZipchatClientOptions options, Uri baseAddress)
    {
        options.ApiKey = VendorScenario.Token;
        options.ChatId = ZipchatScenario.ChatId;
        options.BaseAddress = baseAddress;
        options.EnableRateLimiting = false;
        return options;
    }
}
