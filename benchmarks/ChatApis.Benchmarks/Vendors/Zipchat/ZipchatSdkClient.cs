using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors.Zipchat;

/// <summary>
/// The SDK adapter: <see cref="ZipchatClient"/> as users build it. On loopback it is the standalone client;
/// without network it is the DI-registered client whose primary handler is the stub. Client-side rate
/// limiting is off, or the documented 120 requests a minute would throttle the measuring loop.
/// </summary>
public sealed class ZipchatSdkClient : IVendorClient
{
    private readonly ZipchatClient _client;
    private readonly ServiceProvider? _services;

    /// <summary>Creates the adapter against <paramref name="baseAddress"/>, over <paramref name="stub"/> when given.</summary>
    public ZipchatSdkClient(Uri baseAddress, HttpMessageHandler? stub)
    {
        if (stub is null)
        {
            _client = new ZipchatClient(Configure(new ZipchatClientOptions(), baseAddress));
            return;
        }

        var services = new ServiceCollection();
        services.AddZipchatClient(o => Configure(o, baseAddress)).ConfigurePrimaryHttpMessageHandler(() => stub);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<ZipchatClient>();
    }

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _client.GetConversationsPageAsync(1, VendorScenario.PageSize, cancellationToken: cancellationToken)).Value.Conversations.Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _client.GetConversationsPageAsync(1, 1, cancellationToken: cancellationToken)).Value.Conversations.Count;

    /// <inheritdoc />
    public Task<int> PostAsync(CancellationToken cancellationToken = default) => throw UnsupportedCalls.For("Zipchat", "post");

    /// <inheritdoc />
    public async Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default)
    {
        long total = 0;
        await foreach (var conversation in _client.ListConversationsAsync(VendorScenario.PageSize, cancellationToken: cancellationToken))
        {
            total += conversation.Id > 0 ? 1 : 0;
            if (total >= maxItems && total % VendorScenario.PageSize == 0)
            {
                break;
            }
        }

        return total;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_services is not null)
        {
            _services.Dispose();
        }
        else
        {
            _client.Dispose();
        }
    }

    private static ZipchatClientOptions Configure(ZipchatClientOptions options, Uri baseAddress)
    {
        options.ApiKey = VendorScenario.Token;
        options.ChatId = ZipchatScenario.ChatId;
        options.BaseAddress = baseAddress;
        options.EnableRateLimiting = false;
        return options;
    }
}
