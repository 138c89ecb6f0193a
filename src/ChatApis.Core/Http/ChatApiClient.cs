namespace ChatApis.Http;

/// <summary>
/// The base of every vendor client: it owns the request pipeline, and, when the client was built
/// without dependency injection, the connection pool behind it. Vendor clients are thread-safe and meant
/// to be reused for the lifetime of the application.
/// </summary>
public abstract class ChatApiClient : IDisposable
{
    private readonly ChatApiPipeline? _pipeline;
    private readonly bool _ownsPipeline;

    /// <summary>For mocking frameworks: a client with no pipeline, whose virtual methods a test overrides.</summary>
    protected ChatApiClient()
    {
    }

    /// <summary>Creates a client over a pipeline built by dependency injection.</summary>
    /// <param name="pipeline">The pipeline.</param>
    protected ChatApiClient(ChatApiPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <summary>
    /// Creates a client over a pipeline; a standalone client passes the pipeline its vendor descriptor built
    /// (<see cref="Vendors.ChatApiVendor{TClient, TOptions}.CreateStandalonePipeline"/>) and owns it.
    /// </summary>
    /// <param name="pipeline">The pipeline.</param>
    /// <param name="ownsPipeline">Whether <see cref="Dispose()"/> releases the pipeline (true for a standalone client).</param>
    protected ChatApiClient(ChatApiPipeline pipeline, bool ownsPipeline)
        : this(pipeline)
    {
        _ownsPipeline = ownsPipeline;
    }

    /// <summary>The request pipeline.</summary>
    /// <exception cref="InvalidOperationException">The client was created for mocking and the test did not override the method it called.</exception>
    protected ChatApiPipeline Pipeline => _pipeline
        ?? throw new InvalidOperationException($"This {GetType().Name} was created for mocking; override the member the test calls.");

    /// <summary>The base address requests go to.</summary>
    public Uri BaseAddress => Pipeline.BaseAddress;

    /// <summary>
    /// Releases what the client owns: a standalone client (created with <c>new</c>) its connection pool and its
    /// client-side rate limiter. Calls still queued at the rate limiter end at once with an
    /// <see cref="ObjectDisposedException"/> (they were never sent); calls already sending run to their end
    /// (a success or a typed error), except that one waiting to retry (in its backoff) ends at once with an
    /// <see cref="ObjectDisposedException"/> instead of sending the retry; later calls throw
    /// <see cref="ObjectDisposedException"/>. A client from dependency injection owns neither: its container
    /// disposes it, its rate limiter and its connections (with the same effect on queued calls).
    /// </summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_ownsPipeline)
            {
                _pipeline?.Dispose();
            }
        }
    }
}
