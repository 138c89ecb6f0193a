using ChatApis.AssistLoop.Api;
using ChatApis.Auth.OAuth;
using ChatApis.Http;
using ChatApis.Vendors;
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
/// AssistLoop's <c>Request-Id</c> in <see cref="ChatApiException.RequestId"/>. AssistLoop honours no
/// idempotency key, so <see cref="RequestOptions.IdempotencyKey"/> is refused on every method.
/// </remarks>
public partial class AssistLoopClient : ChatApiClient
{
    private readonly AssistLoopClientOptions? _options;
    private readonly OAuthTokenManager? _tokens;
    private readonly AssistLoopTokenEndpoint? _tokenEndpoint;
    private readonly IAssistLoopApi? _api;
    private readonly IAssistLoopMakeApi? _makeApi;

    /// <summary>Creates a standalone client that owns its HTTP connection pool (or uses <see cref="ChatApiClientOptions.UseHttpMessageHandler"/>'s handler).</summary>
    /// <param name="options">The surface, credentials and settings (validated here).</param>
    /// <param name="timeProvider">The clock, if not the system's (token expiry, backoff and rate limits use it).</param>
    /// <param name="loggerFactory">Where to log, if anywhere (never tokens or secrets).</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names every problem.</exception>
    public AssistLoopClient(AssistLoopClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
        : this(new ContextCapture(), options, timeProvider, loggerFactory)
    {
    }

    /// <summary>Creates a client from the context its descriptor built (dependency injection).</summary>
    /// <param name="context">The client's context.</param>
    internal AssistLoopClient(ChatApiClientContext<AssistLoopClientOptions> context)
        : base(context.Pipeline)
    {
        (_options, _tokens, _tokenEndpoint, _api, _makeApi) = PartsOf(context, Pipeline);
    }

    /// <summary>For mocking: a client whose virtual methods a test overrides.</summary>
    protected AssistLoopClient()
    {
    }

    private AssistLoopClient(ContextCapture capture, AssistLoopClientOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
        : base(AssistLoopVendor.Instance.CreateStandalonePipeline(options, timeProvider, loggerFactory, capture.Keep), ownsPipeline: true)
    {
        (_options, _tokens, _tokenEndpoint, _api, _makeApi) = PartsOf(capture.Context!, Pipeline);
    }

    /// <summary>The surface this client talks to.</summary>
    public virtual AssistLoopSurface Surface => Options.Surface;

    /// <summary>The connected account's token store (where rotated tokens are saved).</summary>
    public virtual ITokenStore TokenStore => Tokens.Store;

    private AssistLoopClientOptions Options => _options ?? throw Mocked();

    private OAuthTokenManager Tokens => _tokens ?? throw Mocked();

    private AssistLoopTokenEndpoint TokenEndpoint => _tokenEndpoint ?? throw Mocked();

    private IAssistLoopApi Api => _api ?? throw Mocked();

    private string Platform => AssistLoopVendor.PlatformOf(Surface);

    private static (AssistLoopClientOptions, OAuthTokenManager, AssistLoopTokenEndpoint, IAssistLoopApi, IAssistLoopMakeApi?) PartsOf(
        ChatApiClientContext<AssistLoopClientOptions> context, ChatApiPipeline pipeline)
    {
        var oauth = AssistLoopVendor.Instance.OAuthOf(context);
        var make = context.Options.Surface == AssistLoopSurface.Make ? ChatApiRefit.For<IAssistLoopMakeApi>(pipeline, AssistLoopVendor.RefitSettings) : null;
        return (context.Options, oauth.Tokens, oauth.Endpoint, ChatApiRefit.For<IAssistLoopApi>(pipeline, AssistLoopVendor.RefitSettings), make);
    }

    private InvalidOperationException Mocked() =>
        new($"This {GetType().Name} was created for mocking; override the member the test calls.");

    private IAssistLoopMakeApi RequireMake(string operation) =>
        _makeApi ?? (Surface == AssistLoopSurface.Make
            ? throw Mocked()
            : throw new InvalidOperationException(
                $"{operation} is available only on the Make surface; this client uses the {Surface} surface (set AssistLoopClientOptions.Surface to Make)."));

    // The standalone constructor's view of the context the descriptor built (its token manager and endpoint).
    private sealed class ContextCapture
    {
        public ChatApiClientContext<AssistLoopClientOptions>? Context { get; private set; }

        public void Keep(ChatApiClientContext<AssistLoopClientOptions> context) => Context = context;
    }
}
