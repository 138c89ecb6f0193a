using ChatApis.AssistLoop;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>
/// The SDK adapter: <see cref="AssistLoopClient"/> (Zapier surface, a stored access token). Client-side rate
/// limiting is off, or the documented 60 requests a minute would throttle the measuring loop.
/// </summary>
public sealed class AssistLoopSdkClient(Uri baseAddress, HttpMessageHandler? stub)
    : SdkClientAdapter<AssistLoopClient>(
        () => new AssistLoopClient(Configure(new AssistLoopClientOptions(), baseAddress)),
        services => services.AddAssistLoopClient(o => Configure(o, baseAddress)),
        stub)
{
    /// <inheritdoc />
    public override async Task<int> ListAsync(CancellationToken cancellationToken = default)
    {
        // AssistLoop answers the list in one response: the pageable's one page.
        await foreach (var page in Client.ListConversationsAsync(AssistLoopScenario.AgentUuid, perPage: VendorScenario.PageSize, cancellationToken: cancellationToken).AsPages(cancellationToken))
        {
            return page.Items.Count;
        }

        return 0;
    }

    /// <inheritdoc />
    public override async Task<int> SimpleAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetMeAsync(cancellationToken: cancellationToken)).Value.Uuid.Length;

    /// <inheritdoc />
    public override async Task<int> PostAsync(CancellationToken cancellationToken = default) =>
        (await Client.ReplyAsync(AssistLoopScenario.ConversationUuid, AssistLoopScenario.ReplyText, cancellationToken: cancellationToken)).Value.MessageId.Length;

    /// <inheritdoc />
    public override Task<long> WalkAsync(long maxItems = long.MaxValue, CancellationToken cancellationToken = default) =>
        throw UnsupportedCalls.For("AssistLoop", "walk");

    private static AssistLoopClientOptions Configure(AssistLoopClientOptions options, Uri baseAddress)
    {
        options.Surface = AssistLoopSurface.Zapier;
        options.AccessToken = VendorScenario.Token;
        options.BaseAddress = baseAddress;
        options.EnableRateLimiting = false;
        return options;
    }
}
