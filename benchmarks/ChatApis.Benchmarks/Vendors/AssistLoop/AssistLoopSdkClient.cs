using ChatApis.AssistLoop;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>
/// The SDK adapter: <see cref="AssistLoopClient"/> as users build it (Zapier surface, a stored access token).
/// On loopback it is the standalone client; without network it is the DI-registered client whose primary
/// handler is the stub. Client-side rate limiting is off, or the documented 60 requests a minute would
/// throttle the measuring loop.
/// </summary>
public sealed class AssistLoopSdkClient : IVendorClient
{
    private readonly AssistLoopClient _client;
    private readonly ServiceProvider? _services;

    /// <summary>Creates the adapter against <paramref name="baseAddress"/>, over <paramref name="stub"/> when given.</summary>
    public AssistLoopSdkClient(Uri baseAddress, HttpMessageHandler? stub)
    {
        if (stub is null)
        {
            _client = new AssistLoopClient(Configure(new AssistLoopClientOptions(), baseAddress));
            return;
        }

        var services = new ServiceCollection();
        services.AddAssistLoopClient(o => Configure(o, baseAddress)).ConfigurePrimaryHttpMessageHandler(() => stub);
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<AssistLoopClient>();
    }

    /// <inheritdoc />
    public async Task<int> ListAsync(CancellationToken cancellationToken = default) =>
        (await _client.ListConversationsAsync(AssistLoopScenario.AgentUuid, perPage: VendorScenario.PageSize, cancellationToken: cancellationToken)).Value.Count;

    /// <inheritdoc />
    public async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await _client.GetMeAsync(cancellationToken)).Value.Uuid.Length;

    /// <inheritdoc />
    public async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await _client.ReplyAsync(AssistLoopScenario.ConversationUuid, AssistLoopScenario.ReplyText, cancellationToken)).Value.MessageId.Length;

    /// <inheritdoc />
    public Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) =>
        throw UnsupportedCalls.For("AssistLoop", "walk");

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

    private static AssistLoopClientOptions Configure(AssistLoopClientOptions options, Uri baseAddress)
    {
        options.Surface = AssistLoopSurface.Zapier;
        options.AccessToken = VendorScenario.Token;
        options.BaseAddress = baseAddress;
        options.EnableRateLimiting = false;
        return options;
    }
}
