using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Diagnostics;
using ChatApis.RateLimiting;
using ChatApis.Resilience;
using ChatApis.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatApis.Http;

/// <summary>
/// The one request pipeline every vendor client uses: client-side rate limit → total deadline →
/// retries (only where safe, honouring the server's hints) → attempt timeout → HttpClient (whose
/// handlers add credentials) → typed result or typed error. A vendor client declares an
/// <see cref="ApiRequest"/>; this class does the rest. Thread-safe; one instance per client.
/// </summary>
public sealed class ChatApiPipeline : IDisposable
{
    private const int MaxErrorBodyBytes = 64 * 1024;
    private const int MaxBufferedBodyBytes = 1024 * 1024;
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("ChatApis.Call");

    private readonly Lazy<ResiliencePipeline> _retries;
    private readonly RateLimitGate _gate;
    private readonly ILogger _logger;
    private readonly ChatApiClientOptions _options;
    private readonly string _baseText;
    private readonly string _authorityText;
    private readonly ConcurrentQueue<CancellationTokenSource> _timeoutSources = new();
    private readonly SecretRedactor _secrets;
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
        _options = options;
        Vendor = vendor;
        Time = timeProvider ?? TimeProvider.System;
        BaseAddress = BaseAddressPolicy.Normalize(options.BaseAddress ?? vendor.DefaultBaseAddress);
        _gate = !options.EnableRateLimiting ? RateLimitGate.Unlimited : rateLimitGate ?? new RateLimitGate(vendor.RateLimits, Time);
        _logger = logger ?? NullLogger.Instance;
        _baseText = BaseAddress.AbsoluteUri;
        _authorityText = BaseAddress.GetLeftPart(UriPartial.Authority);
        _retries = new Lazy<ResiliencePipeline>(BuildRetryPipeline);
        _secrets = options.Secrets;
        foreach (var credential in options.Credentials())
        {
            _secrets.Keep(credential);
        }

        _ownedGate = ownsGate && !ReferenceEquals(_gate, RateLimitGate.Unlimited) ? _gate : null;
        var baseSegments = BaseAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        var agent = userAgent ?? $"ChatApis.{vendor.Name}/{typeof(ChatApiPipeline).Assembly.GetName().Version?.ToString(3)} (.NET {Environment.Version})";
        _ownedHandler = ownsHandler ? handler : null;

        // Never disposed itself: disposing an HttpClient cancels the requests it is sending, and a disposed
        // client lets its calls already sending run to their end. Releasing the handler chain is enough.
        HttpClient = new HttpClient(new ChatApiCallHandler(handler, _gate, agent, baseSegments), disposeHandler: false)
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
        return SendCoreAsync(operation, send, typeInfo, null, options, cancellationToken);
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
        return SendCoreAsync(operation, send, null, parser, options, cancellationToken);
    }

    /// <summary>Sends one call whose successful body carries nothing the caller needs (e.g. a 204).</summary>
    /// <param name="operation">The endpoint.</param>
    /// <param name="send">Sends one attempt.</param>
    /// <param name="options">The caller's per-call settings.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The response metadata.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an idempotency key but the endpoint takes none.</exception>
    public async Task<ApiResponse> SendAsync(ApiOperation operation, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, RequestOptions? options, CancellationToken cancellationToken) =>
        await SendCoreAsync(operation, send, null, DiscardBody, options, cancellationToken).ConfigureAwait(false);

    /// <summary>Releases what a standalone client's pipeline owns: its rate limiter (ending calls queued there), its handlers and connections.</summary>
    public void Dispose()
    {
        // The gate first: its queued calls must end now, not reach the disposed connection pool later.
        _ownedGate?.Dispose();
        _ownedHandler?.Dispose();
    }

    /// <summary>Sends a request and reads its JSON response with a source-generated contract.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The declared request.</param>
    /// <param name="typeInfo">The source-generated contract of <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">The caller's cancellation (never retried, never wrapped).</param>
    /// <returns>The value and the response metadata.</returns>
    public Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return SendLegacyAsync(request, typeInfo, null, cancellationToken);
    }

    /// <summary>Sends a request and reads its body with a custom parser (e.g. plain text).</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="request">The declared request.</param>
    /// <param name="parser">Reads the successful body.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The value and the response metadata.</returns>
    public Task<ApiResponse<T>> SendAsync<T>(ApiRequest request, ResponseParser<T> parser, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return SendLegacyAsync(request, null, parser, cancellationToken);
    }

    /// <summary>Sends a request whose successful body carries nothing the caller needs (e.g. a 204).</summary>
    /// <param name="request">The declared request.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The response metadata.</returns>
    public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken = default) =>
        await SendLegacyAsync(request, null, DiscardBody, cancellationToken).ConfigureAwait(false);

    // The hand-built request path, kept only until every caller declares its wire contract with Refit.
    private Task<ApiResponse<T>> SendLegacyAsync<T>(ApiRequest request, JsonTypeInfo<T>? typeInfo, ResponseParser<T>? parser, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = new ApiOperation(request.Method, request.PathTemplate)
        {
            Idempotent = request.IsRetrySafe,
            RateLimitBudget = request.RateLimitBudget,
            SkipAuthentication = request.SkipAuthentication,
        };
        var uri = request.BuildUri(_baseText, _authorityText);
        return SendCoreAsync(
            operation,
            (call, ct) =>
            {
                var message = request.CreateMessage(uri);
                message.Options.Set(ApiCall.OptionKey, call);
                return HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            },
            typeInfo,
            parser,
            null,
            cancellationToken,
            request.IdempotencyKey);
    }

    private async Task<ApiResponse<T>> SendCoreAsync<T>(ApiOperation operation, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, JsonTypeInfo<T>? typeInfo, ResponseParser<T>? parser, RequestOptions? options, CancellationToken cancellationToken, string? legacyIdempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(send);
        if (options?.IdempotencyKey is not null && !operation.AcceptsIdempotencyKey)
        {
            throw new ArgumentException($"{Vendor.Name} {operation} does not take an idempotency key.", nameof(options));
        }

        var key = legacyIdempotencyKey ?? (operation.AcceptsIdempotencyKey ? options?.IdempotencyKey ?? Guid.NewGuid().ToString("N") : null);
        var state = new CallState<T>(this, operation, new ApiCall(operation, options, key), send, options?.Timeout ?? _options.TotalTimeout, typeInfo, parser);
        var request = operation;
        using var activity = StartActivity(request);
        var started = Time.GetTimestamp();

        // A burst queues here before its deadline starts: waiting our turn is not a failure.
        var waited = await WaitForRateLimitAsync(state, cancellationToken).ConfigureAwait(false);
        state.DeadlineStart = waited ? Time.GetTimestamp() : started;
        var outcome = "error";
        try
        {
            ApiResponse<T> response;
            try
            {
                // Most calls succeed at once: the first attempt runs without the retry machinery,
                // which is entered only after a failure that is worth retrying.
                response = await FirstAttemptAsync(state, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ShouldRetry(ex, state, attemptIndex: 0, cancellationToken))
            {
                NoteRetry(state, attempt: 1);
                await Task.Delay(state.PendingDelay, Time, cancellationToken).ConfigureAwait(false);
                response = await RetryAsync(state, cancellationToken).ConfigureAwait(false);
            }

            outcome = "success";
            activity?.SetTag("http.response.status_code", (int)response.StatusCode);
            return response;
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var timeout = new ChatApiTransportException(
                $"{Vendor.Name} {Describe(request)} timed out after {state.Attempts} attempt(s) (attempt timeout {_options.AttemptTimeout}, total {state.TotalTimeout}); " +
                (request.IsRetrySafe ? "it is safe to try again." : "the outcome is unknown: the server may have acted on it."),
                requestMayHaveReachedServer: true,
                isTimeout: true,
                Vendor.Name,
                ex,
                state.Attempts);
            LogFailure(state, timeout);
            throw timeout;
        }
        catch (ChatApiException ex)
        {
            LogFailure(state, ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        catch (OperationCanceledException ex)
        {
            outcome = "canceled";

            // An attempt runs under a token linked to the caller's: hand the caller its own token back, so
            // `catch (OperationCanceledException e) when (e.CancellationToken == token)` recognises it.
            if (cancellationToken.IsCancellationRequested && ex.CancellationToken != cancellationToken)
            {
                throw new OperationCanceledException(ex.Message, ex, cancellationToken);
            }

            throw;
        }
        finally
        {
            if (ChatApisTelemetry.CallDuration.Enabled)
            {
                ChatApisTelemetry.CallDuration.Record(
                    Time.GetElapsedTime(started).TotalSeconds,
                    new("vendor", Vendor.Name),
                    new("method", request.Method.Method),
                    new("outcome", outcome));
            }
        }
    }

    // Every call passes through these ValueTask methods; pooled state machines keep them from allocating.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApiResponse<T>> FirstAttemptAsync<T>(CallState<T> state, CancellationToken cancellationToken)
    {
        var timeout = _options.AttemptTimeout < state.TotalTimeout ? _options.AttemptTimeout : state.TotalTimeout;

        // A source that is not linked to the caller's token is reused across calls (with its timer).
        var pooled = !cancellationToken.CanBeCanceled;
        var attempt = pooled
            ? (_timeoutSources.TryDequeue(out var reused) ? reused : new CancellationTokenSource())
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = StartTimer(attempt, timeout);
        try
        {
            return await AttemptAsync(state, attempt.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The same exception the retry pipeline's timeout raises, so every attempt fails alike.
            throw new TimeoutRejectedException($"The attempt did not complete within {timeout}.", timeout, ex);
        }
        finally
        {
            timer?.Dispose();
            if (pooled && _timeoutSources.Count < 64 && attempt.TryReset())
            {
                _timeoutSources.Enqueue(attempt);
            }
            else
            {
                attempt.Dispose();
            }
        }
    }

    // TimeProvider.System cancels through the runtime's timer queue; any other clock (a test's) drives it.
    private ITimer? StartTimer(CancellationTokenSource source, TimeSpan timeout)
    {
        if (ReferenceEquals(Time, TimeProvider.System))
        {
            source.CancelAfter(timeout);
            return null;
        }

        return Time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), source, timeout, Timeout.InfiniteTimeSpan);
    }

    private async Task<ApiResponse<T>> RetryAsync<T>(CallState<T> state, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        try
        {
            return await _retries.Value.ExecuteAsync(static (ctx, s) => s.Pipeline.AttemptAsync(s, ctx.CancellationToken), context, state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApiResponse<T>> AttemptAsync<T>(CallState<T> state, CancellationToken cancellationToken)
    {
        if (++state.Attempts > 1)
        {
            await WaitForRateLimitAsync(state, cancellationToken).ConfigureAwait(false);
        }

        var request = state.Operation;
        state.Call.Attempt = state.Attempts;
        var attemptStarted = _logger.IsEnabled(LogLevel.Debug) ? Time.GetTimestamp() : 0;
        HttpResponseMessage response;
        try
        {
            // The request is built afresh for every attempt (a message can be sent only once) and answers once
            // its headers are in: the body is read below, under this attempt's timeout and the size cap.
            response = await state.Send(state.Call, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TransportFailure(state, ex, duringBody: false);
        }
        catch (Refit.ApiRequestException ex) when (ex.InnerException is HttpRequestException inner && !cancellationToken.IsCancellationRequested)
        {
            // Refit wraps a transport failure; the cause is what decides retry safety.
            throw TransportFailure(state, inner, duringBody: false);
        }
        catch (Refit.ApiRequestException ex) when (ex.InnerException is { } inner and not HttpRequestException)
        {
            // Refit wraps whatever a handler throws: a cancellation, the call handler's refusal of a path, or a
            // handler's own typed error (e.g. an OAuth refresh that needs re-authorization) reaches the caller as is.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }

        using (response)
        {
            var unsupportedEncoding = ContentDecoding.Decode(response);
            var status = (int)response.StatusCode;
            CountAttempt(request, status);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.AttemptCompleted(_logger, Vendor.Name, request.Method.Method, request.PathTemplate, status, state.Attempts, Time.GetElapsedTime(attemptStarted).TotalMilliseconds);
            }

            if (status is < 200 or > 299)
            {
                throw await ReadFailureAsync(response, response.RequestMessage, state, cancellationToken).ConfigureAwait(false);
            }

            if (unsupportedEncoding is not null)
            {
                throw InvalidBody(response, state, $"was encoded as '{unsupportedEncoding}', which the client did not ask for (it accepts {ContentDecoding.AcceptEncoding})", null);
            }

            T value;
            try
            {
                value = state.TypeInfo is not null
                    ? await ReadJsonAsync(response.Content, state.TypeInfo, cancellationToken).ConfigureAwait(false)
                    : await state.Parser!(response.Content, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                throw InvalidBody(response, state, $"was not the expected JSON ({ex.Message})", ex);
            }
            catch (ResponseTooLargeException ex)
            {
                throw InvalidBody(response, state, $"exceeded the {ex.Limit}-byte response size limit", ex);
            }
            catch (ContentDecodingException ex)
            {
                throw InvalidBody(response, state, $"was labelled Content-Encoding '{ex.Encoding}' but is not {ex.Encoding} data", ex);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                throw TransportFailure(state, ex, duringBody: true);
            }

            return new ApiResponse<T>(value, response.StatusCode, RequestIdOf(response), RateLimitInfo.FromHeaders(response.Headers), state.Attempts, state.Call.IdempotencyKey, response.Headers);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> ReadJsonAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var length = content.Headers.ContentLength;
        if (length > _options.MaxResponseBytes)
        {
            throw new ResponseTooLargeException(_options.MaxResponseBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var value = length <= MaxBufferedBodyBytes
                ? await ReadBufferedAsync(stream, (int)length.Value, typeInfo, cancellationToken).ConfigureAwait(false)
                : await ReadStreamingAsync(stream, length is null, typeInfo, cancellationToken).ConfigureAwait(false);
            return value ?? throw new JsonException("The response body was JSON null.");
        }
    }

    // A body of declared, modest length is read whole into a pooled buffer (a few large reads) and parsed in
    // one synchronous pass, which is faster than parsing while the body streams in and allocates nothing
    // for the buffer. HTTP framing guarantees the body is no longer than declared.
    private static async ValueTask<T?> ReadBufferedAsync<T>(Stream stream, int length, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var filled = 0;
            int read;
            while (filled < length && (read = await stream.ReadAsync(buffer.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return JsonSerializer.Deserialize(buffer.AsSpan(0, filled), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A large or open-ended body streams into the deserializer; an open-ended one is counted against the cap.
    private async ValueTask<T?> ReadStreamingAsync<T>(Stream stream, bool openEnded, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(openEnded ? new CappedReadStream(stream, _options.MaxResponseBytes) : stream, typeInfo, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<bool> DiscardBody(HttpContent content, CancellationToken cancellationToken)
    {
        // Drain a small body so the connection can be reused; cap it so a hostile body cannot stall us.
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var capped = new CappedReadStream(stream, MaxErrorBodyBytes);
        await capped.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<ChatApiException> ReadFailureAsync(HttpResponseMessage response, HttpRequestMessage? sent, CallState state, CancellationToken cancellationToken)
    {
        // The credential this attempt carried is the one a server is most likely to echo, and with OAuth it
        // may have rotated since the options were read: learn it before anything from the body is kept.
        _secrets.Add(sent?.Headers.Authorization?.Parameter);
        var body = _secrets.RedactUtf8(await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false));
        var status = (int)response.StatusCode;
        var parsed = Vendor.ErrorReader.Read(status, response.Content.Headers.ContentType?.MediaType, body);
        var retryAfter = RetryHints.FromHeaders(response.Headers, status, Time.GetUtcNow()) ?? parsed.RetryAfter;
        var message = parsed.Message;
        if (status is >= 300 and <= 399)
        {
            var location = response.Headers.Location;
            message = location is null
                ? "a redirect without a Location was not followed"
                : $"a redirect to {(location.IsAbsoluteUri ? location : new Uri(sent?.RequestUri ?? BaseAddress, location)).GetLeftPart(UriPartial.Authority)} was not followed (redirects are never followed automatically)";
        }

        // Everything the server chose is redacted again after parsing: a JSON string may have spelled
        // a secret with escapes that only the parser turns back into the secret.
        var details = new ChatApiErrorDetails(
            response.StatusCode,
            _secrets.Redact(parsed.ErrorCode),
            _secrets.Redact(message),
            _secrets.Redact(RequestIdOf(response)),
            retryAfter,
            body.Length == 0 ? null : _secrets.Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ChatApiException.MaxRawBodyLength * 4))),
            Vendor.Name,
            RateLimitInfo.FromHeaders(response.Headers),
            state.Attempts);
        var operation = Describe(state.Operation);
        var error = Vendor.MapError?.Invoke(details, operation) ?? ChatApiExceptionFactory.FromResponse(details, operation);

        // The OAuth handler passed a 401 on because no refresh can help: the user must authorize again.
        return status == 401 && response.RequestMessage?.Options.TryGetValue(ChatApiRequestOptionKeys.ReauthorizationRequired, out var reason) == true
            ? new ChatApiReauthorizationRequiredException($"{error.Message}. {reason}", details)
            : error;
    }

    private static async Task<byte[]> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new MemoryStream();
                var chunk = new byte[8192];
                int read;
                while (buffer.Length < MaxErrorBodyBytes && (read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, (int)Math.Min(read, MaxErrorBodyBytes - buffer.Length));
                }

                return buffer.ToArray();
            }
        }
        catch (Exception ex) when ((ex is IOException or HttpRequestException or ContentDecodingException) && !cancellationToken.IsCancellationRequested)
        {
            // The status already says what happened; a body cut short, or labelled with an encoding it
            // does not have, adds nothing we must have.
            return [];
        }
    }

    private ChatApiInvalidResponseException InvalidBody(HttpResponseMessage response, CallState state, string problem, Exception? inner)
    {
        var details = new ChatApiErrorDetails(response.StatusCode, null, null, _secrets.Redact(RequestIdOf(response)), null, null, Vendor.Name, RateLimitInfo.FromHeaders(response.Headers), state.Attempts);
        return new ChatApiInvalidResponseException(
            _secrets.Redact($"{Vendor.Name} {Describe(state.Operation)} answered {(int)response.StatusCode}{details.AfterAttempts} but its body {problem}."),
            details,
            WithoutSecrets(inner));
    }

    // A JSON converter may quote a bit of the body in its message (e.g. "'...' is not an ISO 8601
    // timestamp"), and ToString() prints inner exceptions: one that quotes a secret is replaced.
    private Exception? WithoutSecrets(Exception? inner) =>
        inner is JsonException json && !ReferenceEquals(json.Message, _secrets.Redact(json.Message))
            ? new JsonException(_secrets.Redact(json.Message), json.Path, json.LineNumber, json.BytePositionInLine)
            : inner;

    private ChatApiTransportException TransportFailure(CallState state, Exception ex, bool duringBody)
    {
        var error = ex is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown;
        var neverSent = !duringBody && error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;
        var what = duringBody ? "the connection broke while the response body was being read" : $"the request failed ({error})";
        var outcome = neverSent
            ? "it never reached the server."
            : state.Operation.IsRetrySafe ? "it is safe to try again." : "the outcome is unknown: the server may have acted on it.";
        return new ChatApiTransportException(
            $"{Vendor.Name} {Describe(state.Operation)}{ChatApiErrorDetails.AttemptsText(state.Attempts)}: {what}; {outcome}", !neverSent, isTimeout: false, Vendor.Name, ex, state.Attempts);
    }

    // Returns whether the call had to wait for its turn.
    private async ValueTask<bool> WaitForRateLimitAsync(CallState state, CancellationToken cancellationToken)
    {
        var waited = await _gate.WaitAsync(state.Operation.RateLimitBudget, cancellationToken).ConfigureAwait(false);
        if (waited <= TimeSpan.Zero)
        {
            return false;
        }

        ChatApisTelemetry.RateLimitWaits.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("vendor", Vendor.Name));
        if (_logger.IsEnabled(LogLevel.Information))
        {
            Log.RateLimitWaited(_logger, Vendor.Name, state.Operation.Method.Method, state.Operation.PathTemplate, waited.TotalMilliseconds);
        }

        return true;
    }

    // The retry phase, entered after a first attempt failed in a way worth retrying: what is left of the
    // total deadline, the remaining retries, and a timeout per attempt.
    private ResiliencePipeline BuildRetryPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = Time, Name = $"ChatApis.{Vendor.Name}" };
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args =>
            {
                var state = args.Context.Properties.GetValue(StateKey, null!);
                var left = state.TotalTimeout - Time.GetElapsedTime(state.DeadlineStart);
                return new ValueTask<TimeSpan>(left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1));
            },
        });
        if (_options.MaxRetries > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxRetries - 1,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context.Properties.GetValue(StateKey, null!), args.AttemptNumber + 1, args.Context.CancellationToken)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).PendingDelay),
                OnRetry = args =>
                {
                    NoteRetry(args.Context.Properties.GetValue(StateKey, null!), args.AttemptNumber + 2);
                    return default;
                },
            });
        }

        builder.AddTimeout(_options.AttemptTimeout);
        return builder.Build();
    }

    private void NoteRetry(CallState state, int attempt)
    {
        ChatApisTelemetry.Retries.Add(1, new("vendor", Vendor.Name), new("reason", state.PendingReason));
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            Log.RetryScheduled(_logger, Vendor.Name, state.Operation.Method.Method, state.Operation.PathTemplate, attempt, state.PendingReason, state.PendingDelay.TotalMilliseconds);
        }
    }

    // Decides whether a failed attempt is retried, and how long to wait first. A request that may
    // have changed server state is retried only when repeating it is safe.
    private bool ShouldRetry(Exception? exception, CallState state, int attemptIndex, CancellationToken cancellationToken)
    {
        if (exception is null || cancellationToken.IsCancellationRequested || attemptIndex >= _options.MaxRetries)
        {
            return false;
        }

        var safe = state.Operation.IsRetrySafe;
        (bool retry, TimeSpan? hint, string reason) = exception switch
        {
            ChatApiRateLimitException e => (true, e.RetryAfter, "429"),
            ChatApiTransportException e when IsTlsFailure(e) => (false, null, "tls"),
            ChatApiTransportException e => (safe || !e.RequestMayHaveReachedServer, null, "transport"),
            ChatApiException { StatusCode: HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } e
                => (safe, e.RetryAfter, ((int)e.StatusCode!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            TimeoutRejectedException => (safe, null, "attempt-timeout"),
            _ => (false, null, "none"),
        };
        if (!retry || hint > _options.MaxRetryAfter)
        {
            return false;
        }

        var delay = hint ?? Backoff(attemptIndex);
        var remaining = state.TotalTimeout - Time.GetElapsedTime(state.DeadlineStart);
        if (delay >= remaining)
        {
            return false;
        }

        state.PendingDelay = delay;
        state.PendingReason = reason;
        return true;
    }

    /// <summary>The jittered exponential backoff before retry number <paramref name="attemptNumber"/> + 1.</summary>
    internal TimeSpan Backoff(int attemptNumber)
    {
        var nominal = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 30));
        var jittered = Math.Min(nominal, _options.RetryMaxDelay.TotalMilliseconds) * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, _options.RetryMaxDelay.TotalMilliseconds));
    }

    private static bool IsTlsFailure(ChatApiTransportException e) =>
        e.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError };

    private string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in Vendor.RequestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                return values.ToString();
            }
        }

        return null;
    }

    private void CountAttempt(ApiOperation request, int status)
    {
        if (ChatApisTelemetry.Requests.Enabled)
        {
            ChatApisTelemetry.Requests.Add(1, new("vendor", Vendor.Name), new("method", request.Method.Method), new("status", status));
        }
    }

    private Activity? StartActivity(ApiOperation request)
    {
        if (!ChatApisTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = ChatApisTelemetry.ActivitySource.StartActivity($"{Vendor.Name} {request.Method.Method} {request.PathTemplate}", ActivityKind.Client);
        activity?.SetTag("chatapis.vendor", Vendor.Name);
        activity?.SetTag("http.request.method", request.Method.Method);
        activity?.SetTag("url.template", request.PathTemplate);
        return activity;
    }

    private void LogFailure(CallState state, ChatApiException ex)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            Log.CallFailed(_logger, Vendor.Name, state.Operation.Method.Method, state.Operation.PathTemplate, state.Attempts, ex.GetType().Name, ex.StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response");
        }
    }

    private static string Describe(ApiOperation operation) => $"{operation.Method.Method} {operation.PathTemplate}";

    private static ChatApiClientOptions Valid(ChatApiClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return options;
    }

    private abstract class CallState(ChatApiPipeline pipeline, ApiOperation operation, ApiCall call, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, TimeSpan totalTimeout)
    {
        public ChatApiPipeline Pipeline { get; } = pipeline;

        public ApiOperation Operation { get; } = operation;

        public ApiCall Call { get; } = call;

        public Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> Send { get; } = send;

        public TimeSpan TotalTimeout { get; } = totalTimeout;

        public int Attempts { get; set; }

        public long DeadlineStart { get; set; }

        public TimeSpan PendingDelay { get; set; }

        public string PendingReason { get; set; } = "";
    }

    private sealed class CallState<T>(ChatApiPipeline pipeline, ApiOperation operation, ApiCall call, Func<ApiCall, CancellationToken, Task<HttpResponseMessage>> send, TimeSpan totalTimeout, JsonTypeInfo<T>? typeInfo, ResponseParser<T>? parser)
        : CallState(pipeline, operation, call, send, totalTimeout)
    {
        public JsonTypeInfo<T>? TypeInfo { get; } = typeInfo;

        public ResponseParser<T>? Parser { get; } = parser;
    }
}
