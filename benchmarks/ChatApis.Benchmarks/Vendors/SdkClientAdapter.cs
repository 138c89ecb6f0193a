using ChatApis.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>
/// How every SDK adapter builds its client, as users do: on loopback the standalone client (its own pooled
/// SocketsHttpHandler); without network the DI-registered client whose primary handler is the stub, which is
/// the supported way to swap the SDK's transport.
/// </summary>
/// <typeparam name="TClient">The vendor's client.</typeparam>
public abstract class SdkClientAdapter<TClient> : IVendorClient
    where TClient : ChatApiClient
{
    private readonly ServiceProvider? _services;

    /// <summary>Builds the client.</summary>
    /// <param name="standalone">Creates the standalone client.</param>
    /// <param name="register">Registers the client with DI and returns its HttpClient builder.</param>
    /// <param name="stub">The no-network transport, or <c>null</c> for loopback.</param>
    protected SdkClientAdapter(Func<TClient> standalone, Func<IServiceCollection, IHttpClientBuilder> register, HttpMessageHandler? stub)
    {
        ArgumentNullException.ThrowIfNull(standalone);
        ArgumentNullException.ThrowIfNull(register);
        if (stub is null)
        {
            Client = standalone();
            return;
        }

        var services = new ServiceCollection();
        register(services).ConfigurePrimaryHttpMessageHandler(() => stub);
        _services = services.BuildServiceProvider();
        Client = _services.GetRequiredService<TClient>();
    }

    /// <summary>The client under test.</summary>
    protected TClient Client { get; }

    /// <inheritdoc />
    public abstract Task<int> ListAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<int> SimpleAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<int> PostAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default);

    /// <summary>Counts the items of an SDK stream, stopping after the page that reaches <paramref name="maxItems"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The stream.</param>
    /// <param name="maxItems">Where to stop.</param>
    /// <returns>The number of items read.</returns>
    protected static async Task<long> CountAsync<T>(IAsyncEnumerable<T> items, long maxItems)
    {
        long total = 0;
        await foreach (var _ in items)
        {
            if (++total >= maxItems && total % VendorScenario.PageSize == 0)
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
            Client.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
