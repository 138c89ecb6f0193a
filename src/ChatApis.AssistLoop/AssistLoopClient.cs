using ChatApis.Auth.OAuth;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using Microsoft.Extensions.Logging;

namespace ChatApis.AssistLoop;

/// <summary>
/// The AssistLoop automation API on either integration surface (Zapier or Make, chosen by
/// <see cref="AssistLoopClientOptions.Surface"/>): OAuth, webhook subscriptions, conversations,
/// messages, and on Make the user's organizations and agents. One client serves one connected account;
/// its access token is refreshed (single-flight, rotated refresh token saved first) when it expires or
/// is rejected. Thread-safe; create one per account and reuse it (or register it with
/// <c>services.AddAssistLoopClient(...)</c>). Every method is virtual so tests can mock it.
/// </summary>
/// <remarks>
/// Requests queue client-side within AssistLoop's documented budgets (60 per minute per account, and 10 per
/// minute for closing conversations); a 429's <c>retry_after</c> is honoured. Every error carries
/// AssistLoop's <c>Request-Id</c> in <see cref="ChatApiException.RequestId"/>.
/// </remarks>
public partial class AssistLoopClient : ChatApiClient
{
    private readonly AssistLoopClientOptions? _options;
    private readonly OAuthTokenManager? _tokens;
    private readonly AssistLoopTokenEndpoint? _tokenEndpoint;
    private readonly HttpMessageHandler? _tokenHttp;

    /// <summary>Creates a standalone client that owns its HTTP connection pool.</summary>
    /// <param name="options">The surface, credentials and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's (token expiry, backoff and rate limits use it).</param>
    /// <param name="loggerFactory">Where to log, if anywhere (never tokens or secrets).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names every problem.</exception>
    public AssistLoopClient(AssistLoopClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(StandaloneParts.Create(options, timeProvider, loggerFactory), options, timeProvider, loggerFactory)
    {
    }

    /// <summary>Creates a client over a pipeline (used by dependency injection).</summary>
    internal AssistLoopClient(ChatApiPipeline pipeline, AssistLoopClientOptions options, OAuthTokenManager tokens, AssistLoopTokenEndpoint tokenEndpoint)
        : base(pipeline)
    {
        _options = options;
        _tokens = tokens;
        _tokenEndpoint = tokenEndpoint;
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected AssistLoopClient()
    {
    }

    private AssistLoopClient(StandaloneParts parts, AssistLoopClientOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
        : base(AssistLoopVendor.ProfileFor(options.Surface), options, parts.Handler, timeProvider, loggerFactory)
    {
        _options = options;
        _tokens = parts.Tokens;
        _tokenEndpoint = parts.TokenEndpoint;
        _tokenHttp = parts.TokenHttp;
    }

    /// <summary>The surface this client talks to.</summary>
    public virtual AssistLoopSurface Surface => Options.Surface;

    /// <summary>The connected account's token store (where rotated tokens are saved).</summary>
    public virtual ITokenStore TokenStore => Tokens.Store;

    private AssistLoopClientOptions Options => _options ?? throw Mocked();

    private OAuthTokenManager Tokens => _tokens ?? throw Mocked();

    private AssistLoopTokenEndpoint TokenEndpoint => _tokenEndpoint ?? throw Mocked();

    private string Platform => AssistLoopVendor.PlatformOf(Surface);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _tokenHttp?.Dispose();
        }

        base.Dispose(disposing);
    }

    private InvalidOperationException Mocked() =>
        new($"This {GetType().Name} was created for mocking; override the member the test calls.");

    private void RequireMake(string operation)
    {
        if (Surface != AssistLoopSurface.Make)
        {
            throw new InvalidOperationException(
                $"{operation} is available only on the Make surface; this client uses the {Surface} surface (set AssistLoopClientOptions.Surface to Make).");
        }
    }

    // A standalone client's OAuth plumbing: the token manager behind its bearer handler, and a token
    // endpoint on its own credential-free handler chain outside the rate limiter (a refresh must never
    // queue behind the very calls that wait for it).
    private sealed record StandaloneParts(OAuthHandler Handler, OAuthTokenManager Tokens, AssistLoopTokenEndpoint TokenEndpoint, HttpMessageHandler TokenHttp)
    {
        public static StandaloneParts Create(AssistLoopClientOptions options, TimeProvider? time, ILoggerFactory? loggerFactory)
        {
            ArgumentNullException.ThrowIfNull(options);
            options.EnsureValid();
            var logger = loggerFactory?.CreateLogger($"ChatApis.{AssistLoopVendor.Name}");
            var tokenHttp = ChatApiHttp.CreateHandler();
            var profile = AssistLoopVendor.ProfileFor(options.Surface);
            var endpoint = new AssistLoopTokenEndpoint(options, () => new ChatApiPipeline(tokenHttp, profile, options, RateLimitGate.Unlimited, time, logger));
            var tokens = new OAuthTokenManager(options.CreateTokenStore(), endpoint, AssistLoopVendor.Name, options.RefreshBeforeExpiry, time, logger);
            return new StandaloneParts(new OAuthHandler(tokens, AssistLoopVendor.Name, logger), tokens, endpoint, tokenHttp);
        }
    }
}
