using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using Microsoft.Extensions.Logging;

namespace ChatApis.Vendors;

/// <summary>
/// Everything Core needs to know to build one vendor's client, declared once per vendor and used alike by
/// the standalone constructor (<c>new ZipchatClient(options)</c>) and by dependency injection
/// (<c>services.AddZipchatClient(...)</c>): the vendor's <see cref="Profile"/> (name, default address, error
/// reader, rate limits), how to add its credentials, and how to make the client from a pipeline. Options are
/// validated once, the authentication handler is created in one place, and the client is built the same way
/// both ways.
/// </summary>
/// <typeparam name="TClient">The vendor's client type.</typeparam>
/// <typeparam name="TOptions">The vendor's options type.</typeparam>
public abstract class ChatApiVendor<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>
    where TClient : ChatApiClient
    where TOptions : ChatApiClientOptions
{
    private string? _userAgent;

    /// <summary>What is special about the vendor's API: name, default address, error envelope, rate limits.</summary>
    public abstract VendorProfile Profile { get; }

    /// <summary>
    /// The <c>User-Agent</c> product token of this vendor's package: <c>ChatApis.&lt;Vendor&gt;/&lt;package version&gt;
    /// (.NET &lt;runtime version&gt;)</c>. A client's <see cref="ChatApiClientOptions.UserAgent"/> is appended to it.
    /// </summary>
    public string UserAgent => _userAgent ??= $"ChatApis.{Profile.Name}/{PackageVersion(GetType().Assembly)} (.NET {Environment.Version})";

    /// <summary>
    /// The profile of a client with these options: <see cref="Profile"/>, unless the vendor's default address
    /// depends on an option (e.g. AssistLoop's surface, which has its own base path).
    /// </summary>
    /// <param name="options">The client's validated options.</param>
    /// <returns>The profile the client's pipeline uses.</returns>
    protected internal virtual VendorProfile ProfileFor(TOptions options) => Profile;

    /// <summary>Creates the handler that adds the client's credentials to every request it passes on.</summary>
    /// <param name="context">The client being built (its <see cref="ChatApiClientContext{TOptions}.Pipeline"/> does not exist yet).</param>
    /// <returns>A new handler, owned by the client.</returns>
    protected internal abstract DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<TOptions> context);

    /// <summary>Creates the client over its pipeline.</summary>
    /// <param name="context">The client being built, with its pipeline and authentication handler.</param>
    /// <returns>The client.</returns>
    protected internal abstract TClient CreateClient(ChatApiClientContext<TOptions> context);

    /// <summary>
    /// Builds a standalone client's pipeline: validates the options (once), creates the connection pool (or uses
    /// the caller's <see cref="ChatApiClientOptions.HttpMessageHandler"/>), the authentication handler and a
    /// rate limiter, all owned by the pipeline and released when the client is disposed.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock, if not the system's.</param>
    /// <param name="loggerFactory">Where to log, if anywhere.</param>
    /// <param name="configure">Receives the finished context, so the client's constructor can read what the descriptor created (e.g. a token manager).</param>
    /// <returns>The pipeline the client passes to its base constructor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed).</exception>
    public ChatApiPipeline CreateStandalonePipeline(TOptions options, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, Action<ChatApiClientContext<TOptions>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        var time = timeProvider ?? TimeProvider.System;
        var ownsTransport = options.HttpMessageHandler is null;
        var transport = options.HttpMessageHandler ?? ChatApiHttp.CreatePrimaryHandler(options.MaxConnectionsPerServer);
        var gate = options.EnableRateLimiting
            ? new RateLimitGate(Profile.RateLimits, time, options.SharedRateLimiter, loggerFactory?.CreateLogger($"ChatApis.{Profile.Name}"))
            : null;
        var context = Build(string.Empty, options, transport, ownsTransport, gate, ownsGate: true, time, loggerFactory, services: null);
        configure?.Invoke(context);
        return context.Pipeline;
    }

    /// <summary>Builds a client from the container (called by <c>AddChatApiClient</c>).</summary>
    internal TClient CreateRegisteredClient(string name, TOptions options, HttpMessageHandler transport, RateLimitGate gate, TimeProvider time, ILoggerFactory? loggerFactory, IServiceProvider services)
    {
        var context = Build(name, options, transport, ownsTransport: false, options.EnableRateLimiting ? gate : null, ownsGate: false, time, loggerFactory, services);
        return CreateClient(context);
    }

    private ChatApiClientContext<TOptions> Build(string name, TOptions options, HttpMessageHandler transport, bool ownsTransport, RateLimitGate? gate, bool ownsGate, TimeProvider time, ILoggerFactory? loggerFactory, IServiceProvider? services)
    {
        var context = new ChatApiClientContext<TOptions>(name, options, transport, time, loggerFactory, services);
        var authentication = CreateAuthenticationHandler(context);
        authentication.InnerHandler = transport;
        context.AuthenticationHandler = authentication;
        var userAgent = string.IsNullOrEmpty(options.UserAgent) ? UserAgent : $"{UserAgent} {options.UserAgent}";
        context.Pipeline = new ChatApiPipeline(
            authentication,
            ProfileFor(options),
            options,
            gate ?? RateLimitGate.Unlimited,
            time,
            loggerFactory?.CreateLogger($"ChatApis.{Profile.Name}"),
            userAgent,
            ownsHandler: ownsTransport,
            ownsGate: ownsGate);
        return context;
    }

    private static string PackageVersion(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        // "0.1.0+<commit>" → "0.1.0": the build metadata is not part of the product version.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
