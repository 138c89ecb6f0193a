using System.Text.Json.Serialization.Metadata;
using ChatApis.Pipeline;
using ChatApis.RateLimiting;
using ChatApis.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatApis.Http;

/// <summary>
/// The one request pipeline every vendor client uses: client-side rate limit → total deadline →
/// retries (only where safe, honouring the server's hints) → attempt timeout → HttpClient (whose
/// handlers add credentials) → typed result or typed error. A vendor client declares its wire contract
/// with Refit and an <see cref="ApiOperation"/> per endpoint; this class does the rest. Thread-safe; one
/// instance per client. (The stages it is made of live in <c>src/ChatApis.Core/Pipeline</c>; see
/// <c>docs/architecture.md</c>.)
/// </summary>
public sealed class ChatApiPipeline : IDisposable
{
    private readonly SecretRedactor _secrets;
    private readonly RateLimitGate _gate;
    private readonly CallExecutor _executor;
    private readonly RateLimitGate? _ownedGate;
    private readonly HttpMessageHandler? _ownedHandler;

    /// <summary>Creates the pipeline for one client.</summary>
    /// <param name="handler">
    /// The handler chain requests go through (e.g. an authentication handler over a connection pool, see
    /// <see cref="DependencyInjection.ChatApiHttp.CreateHandler(DelegatingHandler[])"/>). The pipeline puts its own
    /// call handler in front and never disposes <paramref name="handler"/>.
    /// </param>
    /// <param name="vendor">What is special about the vendor.</param>
    /// <param name="options">Retry, timeout and size settings (validated here).</param>
    /// <param name="rateLimitGate">The client's limiter (one per connected account); <c>null</c> to build one from the vendor's budgets.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Where to log; nothing by default.</param>
    public ChatApiPipeline(HttpMessageHandler handler, VendorProfile vendor, ChatApiClientOptions options, RateLimitGate? rateLimitGate = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(handler, vendor, Valid(options), rateLimitGate, timeProvider, logger, userAgent: null, ownsHandler: false, ownsGate: false)
    {
    }

    /// <summary>The pipeline of a client built by a <see cref="Vendors.ChatApiVendor{TClient, TOptions}"/> (options validated already).</summary>
    internal ChatApiPipeline(HttpMessageHandler handler, VendorProfile vendor, ChatApiClientOptions options, RateLimitGate? rateLimitGate, TimeProvider? timeProvider, ILogger? logger, string? userAgent, bool ownsHandler, bool ownsGate)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(options);
        Vendor = vendor;
        Time = timeProvider ?? TimeProvider.System;
        BaseAddress = BaseAddressPolicy.Normalize(options.BaseAddress ?? vendor.DefaultBaseAddress);
        _gate = !options.EnableRateLimiting ? RateLimitGate.Unlimited : rateLimitGate ?? new RateLimitGate(vendor.RateLimits, Time);
        _secrets = options.Secrets;
        foreach (var credential in options.Credentials())
        {
            _secrets.Keep(credential);
        }

        // The stages of a call, each owning one concern (docs/architecture.md).
        var target = new RequestTarget(BaseAddress);
        var telemetry = new CallTelemetry(vendor.Name, logger ?? NullLogger.Instance, Time, target);
        var turn = new RateLimitTurn(_gate, telemetry);
        var timeouts = new AttemptTimeouts(Time);
        var attempts = new AttemptRunner(timeouts, turn, new ResponseReader(options), new FailureReader(vendor, _secrets, Time, BaseAddress, target), telemetry, vendor);
        _executor = new CallExecutor(options, vendor.Name, Time, turn, new RetryPolicy(options), attempts, timeouts, telemetry);

        _ownedGate = ownsGate && !ReferenceEquals(_gate, RateLimitGate.Unlimited) ? _gate : null;
        var baseSegments = BaseAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var agent = userAgent ?? $"ChatApis.{vendor.Name}/{typeof(ChatApiPipeline).Assembly.GetName().Version?.ToString(3)} (.NET {Environment.Version})"
            + (string.IsNullOrEmpty(options.UserAgent) ? "" : " " + options.UserAgent);
        _ownedHandler = ownsHandler ? handler : null;

        // Never disposed itself: disposing an HttpClient cancels the requests it is sending, and a disposed
        // client lets its calls already sending run to their end. Releasing the handler chain is enough.
        HttpClient = new HttpClient(new ChatApiCallHandler(handler, _gate, agent, baseSegments, telemetry), disposeHandler: false)
        {
            BaseAddress = BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// The HttpClient a vendor's Refit interface sends through: its base address is <see cref="BaseAddress"/> and its
    /// outermost handler turns each request's <see cref="ApiCall"/> into headers and handler options. Only requests
    /// started by <see cref="SendAsync{T}(ApiOperation, Func{ApiCall, CancellationToken, Task{HttpResponseMessage}}, JsonTypeInfo{T}, RequestOptions?, CancellationToken)"/>
    /// and its siblings may use it.
    /// </summary>
    public HttpClient HttpClient { get; }

    /// <summary>The vendor this pipeline talks to.</summary>
    public VendorProfile Vendor { get; }

    /// <summary>The base address requests are resolved against (ends with '/').</summary>
    public Uri BaseAddress { get; }

    /// <summary>The clock used for timeouts, backoff and rate limiting.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// The client's credentials, masked in every error this pipeline raises (message, error code, request
    /// id, raw body) even when the server echoes one. Seeded from the options; a vendor client adds the
    /// credentials it learns while running (e.g. a webhook secret a subscription returned).
    /// </summary>
    public SecretRedactor Secrets => _secrets;

    /// <summary>
    /// Sends one call: <paramref name="send"/> runs once per attempt (a vendor's Refit method, which builds a
    /// fresh request each time) and the JSON response is read with a source-generated contract.
    /// </summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="operation">The endpoint.</param>
    /// <param name="send">Sends one attempt: passes the <see cref="ApiCall"/> and the attempt's token to the Refit method.</param>
    /// <param name="typeInfo">The source-generated contract of <typeparamref name="T"/>.</param>
    /// <param name="options">The caller's per-call settings.</param>
    /// <param name="cancellationToken">The caller's cancellation (never retried, never wrapped).</param>
    /// <returns>The value and the response metadata.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an idempotency key but the endpoint takes none.</exception>
    public Task<ApiResponse<T>> SendAsync<T>(ApiOperation operation, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<T> typeInfo, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return _executor.SendAsync(operation, send, ExpectedBody<T>.FromJson(typeInfo), options, cancellationToken);
    }

    /// <summary>Sends one call and reads its body with a custom parser (e.g. plain text).</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="operation">The endpoint.</param>
    /// <param name="send">Sends one attempt.</param>
    /// <param name="parser">Reads the successful body.</param>
    /// <param name="options">The caller's per-call settings.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The value and the response metadata.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an idempotency key but the endpoint takes none.</exception>
    public Task<ApiResponse<T>> SendAsync<T>(ApiOperation operation, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, ResponseParser<T> parser, RequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return _executor.SendAsync(operation, send, ExpectedBody<T>.FromParser(parser), options, cancellationToken);
    }

    /// <summary>Sends one call whose successful body carries nothing the caller needs (e.g. a 204).</summary>
    /// <param name="operation">The endpoint.</param>
    /// <param name="send">Sends one attempt.</param>
    /// <param name="options">The caller's per-call settings.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The response metadata.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an idempotency key but the endpoint takes none.</exception>
    public async Task<ApiResponse> SendAsync(ApiOperation operation, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, RequestOptions? options, CancellationToken cancellationToken) =>
        await _executor.SendAsync(operation, send, ExpectedBody<bool>.FromParser(ResponseReader.Discard), options, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Ends this pipeline's use: calls waiting to retry (in their backoff) end at once with an
    /// <see cref="ObjectDisposedException"/> and new calls are refused with one; calls already sending run to
    /// their end. Releases what a standalone client's pipeline owns: its rate limiter (ending calls queued
    /// there, never sent), its handlers and connections.
    /// </summary>
    public void Dispose()
    {
        _executor.Dispose();

        // The gate before the handlers: its queued calls must end now, not reach the disposed connection pool later.
        _ownedGate?.Dispose();
        _ownedHandler?.Dispose();
    }

    private static ChatApiClientOptions Valid(ChatApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }
}
