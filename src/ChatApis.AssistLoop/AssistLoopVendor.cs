using System.Runtime.CompilerServices;
using ChatApis.Auth.OAuth;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Vendors;
using Microsoft.Extensions.Logging;
using Refit;

namespace ChatApis.AssistLoop;

/// <summary>
/// What is special about AssistLoop's API, used alike by <c>new AssistLoopClient(options)</c> and by
/// <c>services.AddAssistLoopClient(...)</c>: two surfaces (each with its own base path), a
/// <c>{error, message}</c> envelope with <c>retry_after</c>, two budgets (60 requests a minute, 10 closes a
/// minute), and OAuth 2.0 with rotating refresh tokens. The OAuth wiring lives here once: each client gets its
/// own token manager (single-flight refreshes, rotated pair saved before use), a token endpoint on a second,
/// credential-free pipeline, and the <see cref="OAuthHandler"/> that adds the access token.
/// </summary>
public sealed class AssistLoopVendor : ChatApiVendor<AssistLoopClient, AssistLoopClientOptions>
{
    /// <summary>The vendor's name in errors, logs and metrics.</summary>
    internal const string Name = "AssistLoop";

    /// <summary>The named budget of the close endpoint (10 per minute, on top of the general 60).</summary>
    internal const string CloseBudget = "close";

    internal static readonly Uri ZapierBaseAddress = new("https://api.assistloop.ai/api/v1/");

    internal static readonly Uri MakeBaseAddress = new("https://api.assistloop.ai/v1/");

    /// <summary>How the Refit interfaces serialize request bodies (the package's source-generated contracts).</summary>
    internal static readonly RefitSettings RefitSettings = ChatApiRefit.CreateSettings(AssistLoopJsonContext.Default);

    private static readonly IReadOnlyList<RateLimitBudget> Budgets =
    [
        new(RateLimitBudget.General, 60, TimeSpan.FromMinutes(1)),
        new(CloseBudget, 10, TimeSpan.FromMinutes(1)),
    ];

    private static readonly VendorProfile MakeProfile = Create(MakeBaseAddress);

    // The OAuth parts each authentication handler was built with, for CreateClient to read back; weak, so a
    // disposed client's parts go with its handler.
    private readonly ConditionalWeakTable<DelegatingHandler, AssistLoopOAuthParts> _oauth = [];

    private AssistLoopVendor()
    {
    }

    /// <summary>The one instance (pass it to <c>AddChatApiClient</c>).</summary>
    public static AssistLoopVendor Instance { get; } = new();

    /// <summary>The Zapier surface's profile (the default; a Make client gets the same profile with the Make base).</summary>
    public override VendorProfile Profile { get; } = Create(ZapierBaseAddress);

    /// <inheritdoc />
    protected override VendorProfile ProfileFor(AssistLoopClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Surface == AssistLoopSurface.Make ? MakeProfile : Profile;
    }

    /// <inheritdoc />
    protected override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<AssistLoopClientOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var logger = context.LoggerFactory?.CreateLogger($"ChatApis.{Name}");
        var profile = ProfileFor(options);

        // The token endpoint sends through the transport beneath the OAuth handler (no bearer token) and an
        // unlimited gate: a refresh never queues behind the calls that are waiting for it.
        var endpoint = new AssistLoopTokenEndpoint(options, () => new ChatApiPipeline(context.Transport, profile, options, RateLimitGate.Unlimited, context.Time, logger));
        var tokens = new OAuthTokenManager(options.CreateTokenStore(), endpoint, Name, options.RefreshBeforeExpiry, context.Time, logger);
        var handler = new OAuthHandler(tokens, Name, logger);
        _oauth.AddOrUpdate(handler, new AssistLoopOAuthParts(tokens, endpoint));
        return handler;
    }

    /// <inheritdoc />
    protected override AssistLoopClient CreateClient(ChatApiClientContext<AssistLoopClientOptions> context) => new(context);

    /// <summary>The token manager and endpoint the descriptor built for a client's authentication handler.</summary>
    internal AssistLoopOAuthParts OAuthOf(ChatApiClientContext<AssistLoopClientOptions> context) =>
        _oauth.TryGetValue(context.AuthenticationHandler, out var parts)
            ? parts
            : throw new InvalidOperationException("The AssistLoop client's authentication handler was not created by AssistLoopVendor.");

    /// <summary>The <c>platform</c> value of a surface, as subscribe and close send it.</summary>
    internal static string PlatformOf(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? "make" : "zapier";

    private static VendorProfile Create(Uri baseAddress) => new()
    {
        Name = Name,
        DefaultBaseAddress = baseAddress,
        ErrorReader = new ErrorBodyReader(codeProperty: "error", messageProperty: "message", retryAfterProperty: "retry_after"),
        RequestIdHeaders = ["Request-Id"],
        RateLimits = Budgets,
    };
}
