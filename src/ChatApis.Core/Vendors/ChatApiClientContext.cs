using ChatApis.Http;
using Microsoft.Extensions.Logging;

namespace ChatApis.Vendors;

/// <summary>
/// Everything a vendor's descriptor receives while one client is being built, the same with or without
/// dependency injection: first to create the authentication handler, then (with <see cref="Pipeline"/> and
/// <see cref="AuthenticationHandler"/> filled in) to create the client.
/// </summary>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
public sealed class ChatApiClientContext<TOptions>
    where TOptions : ChatApiClientOptions
{
    private ChatApiPipeline? _pipeline;
    private DelegatingHandler? _authenticationHandler;

    internal ChatApiClientContext(string name, TOptions options, HttpMessageHandler transport, TimeProvider time, ILoggerFactory? loggerFactory, IServiceProvider? services)
    {
        Name = name;
        Options = options;
        Transport = transport;
        Time = time;
        LoggerFactory = loggerFactory;
        Services = services;
    }

    /// <summary>The client's name (one per account; <c>""</c> for the default or a standalone client).</summary>
    public string Name { get; }

    /// <summary>The client's options, already validated.</summary>
    public TOptions Options { get; }

    /// <summary>
    /// The handler chain beneath the authentication handler (the user's handlers, then the connection pool): a
    /// vendor that must send requests without its credentials (e.g. to an OAuth token endpoint) builds a second
    /// pipeline over it. Owned by the client; never dispose it.
    /// </summary>
    public HttpMessageHandler Transport { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Where to log, if anywhere.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>The container, when the client comes from dependency injection; <c>null</c> for a standalone client.</summary>
    public IServiceProvider? Services { get; }

    /// <summary>The handler <see cref="ChatApiVendor{TClient, TOptions}.CreateAuthenticationHandler"/> returned.</summary>
    /// <exception cref="InvalidOperationException">Read before the handler was created.</exception>
    public DelegatingHandler AuthenticationHandler
    {
        get => _authenticationHandler ?? throw new InvalidOperationException("The authentication handler is not created yet.");
        internal set => _authenticationHandler = value;
    }

    /// <summary>The client's request pipeline.</summary>
    /// <exception cref="InvalidOperationException">Read before the pipeline was created (i.e. while creating the authentication handler).</exception>
    public ChatApiPipeline Pipeline
    {
        get => _pipeline ?? throw new InvalidOperationException("The pipeline is not created yet.");
        internal set => _pipeline = value;
    }
}
