using ChatApis.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApis.Http;

/// <summary>
/// The base of every vendor client: it owns the request pipeline, and, when the client was built
/// without dependency injection, the connection pool behind it. Vendor clients are thread-safe and meant
/// to be reused for the lifetime of the application.
/// </summary>
public abstract class ChatApiClient : IDisposable
{
    private readonly ChatApiPipeline? _pipeline;
    private readonly HttpMessageInvoker? _ownedInvoker;

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

    /// <summary>Creates a standalone client that owns its connection pool (no dependency injection).</summary>
    /// <param name="vendor">The vendor's profile.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="authenticationHandler">The handler that adds credentials.</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    protected ChatApiClient(VendorProfile vendor, ChatApiClientOptions options, DelegatingHandler authenticationHandler, TimeProvider? timeProvider, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authenticationHandler);
        options.EnsureValid();
        _ownedInvoker = ChatApiHttp.CreateInvoker(authenticationHandler);
        _pipeline = new ChatApiPipeline(_ownedInvoker, vendor, options, null, timeProvider, loggerFactory?.CreateLogger($"ChatApis.{vendor.Name}"));
    }

    /// <summary>The request pipeline.</summary>
    /// <exception cref="InvalidOperationException">The client was created for mocking and the test did not override the method it called.</exception>
    protected ChatApiPipeline Pipeline => _pipeline
        ?? throw new InvalidOperationException($"This {GetType().Name} was created for mocking; override the member the test calls.");

    /// <summary>The base address requests go to.</summary>
    public Uri BaseAddress => Pipeline.BaseAddress;

    /// <summary>Releases the connection pool when the client owns one.</summary>
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
            _ownedInvoker?.Dispose();
        }
    }
}
