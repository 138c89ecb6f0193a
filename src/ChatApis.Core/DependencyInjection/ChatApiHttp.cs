namespace ChatApis.DependencyInjection;

/// <summary>The HTTP plumbing every client shares, with or without dependency injection.</summary>
public static class ChatApiHttp
{
    /// <summary>
    /// The default bound on open connections to one server (16). The vendors' budgets make more pointless:
    /// AssistLoop allows 60 requests a minute and Zipchat 120, so even at a few seconds per response a
    /// handful of connections carries the whole budget. Without a bound a burst opens one connection per
    /// waiting request (1,000 parallel calls opened over 500), each with its own TCP and TLS handshake,
    /// which the vendor may read as abuse; with it, extra requests wait for a free connection instead.
    /// </summary>
    public const int DefaultMaxConnectionsPerServer = 16;

    /// <summary>
    /// The innermost handler: pooled connections recycled every 5 minutes (so DNS changes are seen
    /// even by a long-lived client), at most <see cref="DefaultMaxConnectionsPerServer"/> of them per
    /// server, and redirects never followed (a redirect to another host or to plain http must not carry
    /// credentials; the pipeline reports it as an error instead). It does not decompress: the pipeline
    /// asks for gzip and Brotli and decodes them itself, which costs an uncompressed response nothing.
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler() => CreatePrimaryHandler(DefaultMaxConnectionsPerServer);

    /// <summary>The same handler as <see cref="CreatePrimaryHandler()"/> with another bound on connections per server.</summary>
    /// <param name="maxConnectionsPerServer">The most connections open to one server at a time (at least 1).</param>
    /// <returns>A new handler.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxConnectionsPerServer"/> is less than 1.</exception>
    public static SocketsHttpHandler CreatePrimaryHandler(int maxConnectionsPerServer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnectionsPerServer, 1);
        return new()
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            MaxConnectionsPerServer = maxConnectionsPerServer,
            UseCookies = false,
        };
    }

    /// <summary>
    /// Builds an HttpClient for use without dependency injection: the given handlers (outermost first)
    /// over <see cref="CreatePrimaryHandler()"/>, with no HttpClient timeout (the pipeline owns timeouts).
    /// </summary>
    /// <param name="handlers">Delegating handlers, outermost first (e.g. the authentication handler).</param>
    /// <returns>The client; dispose it with the SDK client that owns it.</returns>
    public static HttpClient CreateHttpClient(params DelegatingHandler[] handlers) =>
        new(Chain(handlers, DefaultMaxConnectionsPerServer), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Builds the same handler chain as <see cref="CreateHttpClient"/> behind a plain
    /// <see cref="HttpMessageInvoker"/>, for a client that owns its handlers and needs none of HttpClient's
    /// extras (base address, default headers, its own timeout): a <see cref="Http.ChatApiPipeline"/> over it
    /// sends each request straight into the chain, without the linked cancellation source HttpClient creates
    /// for every request that carries a cancellable token.
    /// </summary>
    /// <param name="handlers">Delegating handlers, outermost first (e.g. the authentication handler).</param>
    /// <returns>The invoker; dispose it with the SDK client that owns it.</returns>
    public static HttpMessageInvoker CreateInvoker(params DelegatingHandler[] handlers) => new(Chain(handlers, DefaultMaxConnectionsPerServer), disposeHandler: true);

    /// <summary>
    /// The same as <see cref="CreateInvoker(DelegatingHandler[])"/> for a client with these options: its
    /// primary handler opens at most <see cref="Http.ChatApiClientOptions.MaxConnectionsPerServer"/> connections per server.
    /// </summary>
    /// <param name="options">The client's options.</param>
    /// <param name="handlers">Delegating handlers, outermost first (e.g. the authentication handler).</param>
    /// <returns>The invoker; dispose it with the SDK client that owns it.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The options' connection bound is less than 1.</exception>
    public static HttpMessageInvoker CreateInvokerFor(Http.ChatApiClientOptions options, params DelegatingHandler[] handlers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(Chain(handlers, options.MaxConnectionsPerServer), disposeHandler: true);
    }

    /// <summary>
    /// The handler chain a <see cref="Http.ChatApiPipeline"/> sends through: the given handlers (outermost first)
    /// over <see cref="CreatePrimaryHandler()"/>.
    /// </summary>
    /// <param name="handlers">Delegating handlers, outermost first (e.g. the authentication handler).</param>
    /// <returns>The outermost handler; dispose it with the client that owns it.</returns>
    public static HttpMessageHandler CreateHandler(params DelegatingHandler[] handlers) => Chain(handlers, DefaultMaxConnectionsPerServer);

    /// <summary>The same as <see cref="CreateHandler(DelegatingHandler[])"/> for a client with these options (its connection bound).</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="handlers">Delegating handlers, outermost first.</param>
    /// <returns>The outermost handler.</returns>
    public static HttpMessageHandler CreateHandlerFor(Http.ChatApiClientOptions options, params DelegatingHandler[] handlers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Chain(handlers, options.MaxConnectionsPerServer);
    }

    private static HttpMessageHandler Chain(DelegatingHandler[] handlers, int maxConnectionsPerServer)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        HttpMessageHandler inner = CreatePrimaryHandler(maxConnectionsPerServer);
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}
