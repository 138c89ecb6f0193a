using ChatApis.Vertext;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>
/// The SDK adapter: <see cref="VertextClient"/> as users build it. On loopback it is the standalone client
/// (its own pooled SocketsHttpHandler); without network it is the DI-registered client whose primary
/// handler is replaced by the stub, which is the only supported way to swap the SDK's transport.
/// </summary>
public sealed class VertextSdkClient : IVendorClient
{
    private readonly VertextClient _client;
    private readonly ServiceProvider? _services;

    /// <summary>Creates the adapter against <paramref name="baseAddress"/>, over <paramref name="stub"/> when given.</summary>
    public VertextSdkClient(Uri baseAddress, HttpMessageHandler? stub)
    {
        if (stub is null)
        {
            _client = new VertextClient(Configure(new VertextClientOptions(), baseAddress));
            return;
        }

        var services = new ServiceCollection();
        services.AddVertextClient(o => Configure(o, baseAddress)).ConfigurePrimaryHttpMessageHandler(() => stub);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<VertextClient>();
    }

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _client.GetChatbotsPageAsync(0, VendorScenario.PageSize, cancellationToken)).Value.Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _client.GetChatbotsPageAsync(0, 1, cancellationToken)).Value.Count;

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await _client.CreateZapierSubscriptionAsync(VertextScenario.ChatbotId, new Uri(VertextScenario.TargetUrl), cancellationToken)).Value.Id.Length;

    /// <inheritdoc />
    public async Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default)
    {
        long total = 0;
        await foreach (var chatbot in _client.ListChatbotsAsync(VendorScenario.PageSize, cancellationToken))
        {
            total += chatbot.Name.Length > 0 ? 1 : 0;
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

    private static VertextClientOptions Configure(VertextClientOptions options, Uri baseAddress)
    {
        options.AccessToken = VendorScenario.Token;
        options.BaseAddress = baseAddress;
        return options;
    }
}
