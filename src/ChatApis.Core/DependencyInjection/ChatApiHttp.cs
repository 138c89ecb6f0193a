namespace ChatApis.DependencyInjection;

/// <summary>The HTTP plumbing every client shares, with or without dependency injection.</summary>
public static class ChatApiHttp
{
    /// <summary>
    /// The innermost handler: pooled connections recycled every 5 minutes (so DNS changes are seen
    /// even by a long-lived client) and redirects never followed (a redirect to another host or to
    /// plain http must not carry credentials; the pipeline reports it as an error instead). It does not
    /// decompress: the pipeline asks for gzip and Brotli and decodes them itself, which costs an
    /// uncompressed response nothing.
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreatePrimaryHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        UseCookies = false,
    };

    /// <summary>
    /// Builds an HttpClient for use without dependency injection: the given handlers (outermost first)
    /// over <see cref="CreatePrimaryHandler"/>, with no HttpClient timeout (the pipeline owns timeouts).
    /// </summary>
    /// <param name="handlers">Delegating handlers, outermost first (e.g. the authentication handler).</param>
    /// <returns>The client; dispose it with the SDK client that owns it.</returns>
    public static HttpClient CreateHttpClient(params DelegatingHandler[] handlers) =>
        new(Chain(handlers), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Builds the same handler chain as <see cref="CreateHttpClient"/> behind a plain
    /// <see cref="HttpMessageInvoker"/>, for a client that owns its handlers and needs none of HttpClient's
    /// extras (base address, default headers, its own timeout): a <see cref="Http.ChatApiPipeline"/> over it
    /// sends each request straight into the chain, without the linked cancellation source HttpClient creates
    /// for every request that carries a cancellable token.
    /// </summary>
    /// <param name="handlers">Delegating handlers, outermost first (e.g. the authentication handler).</param>
    /// <returns>The invoker; dispose it with the SDK client that owns it.</returns>
    public static HttpMessageInvoker CreateInvoker(params DelegatingHandler[] handlers) => new(Chain(handlers), disposeHandler: true);

    private static HttpMessageHandler Chain(DelegatingHandler[] handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        HttpMessageHandler inner = CreatePrimaryHandler();
        for (var i = handlers.Length - 1; i >= 0; i--)
        {
            handlers[i].InnerHandler = inner;
            inner = handlers[i];
        }

        return inner;
    }
}
