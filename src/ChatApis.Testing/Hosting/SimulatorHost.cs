using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApis.Testing;

/// <summary>
/// The base of every vendor API simulator: a real Kestrel server on a loopback port, so the code under
/// test goes through its genuine HTTP stack (sockets, connection pooling, timeouts), plus a
/// <see cref="Journal"/> of what it sent, <see cref="Faults"/> to misbehave on demand and a <see cref="Time"/> source.
/// </summary>
/// <remarks>
/// Each request passes the journal first (so even requests a fault answers are recorded), then the fault
/// injector, then the routes a subclass maps in <see cref="MapRoutes"/>. A request no route matches gets
/// 404 with a JSON body that lists the simulator's routes (<c>error</c>, <c>message</c> and <c>routes</c>, each
/// route a <c>method</c>, a <c>path</c> template and, for a simulator of the catalog, its <c>surface</c>).
/// </remarks>
public abstract class SimulatorHost : IAsyncDisposable
{
    private readonly SimulatorHostOptions _options;
    private WebApplication? _app;
    private Uri? _baseAddress;
    private int _state;

    /// <summary>Creates a simulator; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The port, clock and name to use; defaults when <see langword="null"/>.</param>
    protected SimulatorHost(SimulatorHostOptions? options = null)
    {
        _options = options ?? new SimulatorHostOptions();
        if (_options.Port is { } port)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(port, nameof(options));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort, nameof(options));
        }

        if (_options.StopTimeout <= TimeSpan.Zero && _options.StopTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.StopTimeout, "StopTimeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        Time = _options.TimeProvider ?? TimeProvider.System;
        Name = _options.Name ?? GetType().Name;
    }

    /// <summary>The simulator's name, for diagnostics.</summary>
    public string Name { get; }

    /// <summary>Every request received, recorded before faults or routes see it.</summary>
    public RequestJournal Journal { get; } = new();

    /// <summary>The faults to apply to upcoming requests.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>
    /// The API surfaces this simulator serves, as the <see cref="Catalog.VendorCatalog"/> names them (empty for a
    /// simulator outside the catalog): the 404 listing of routes says which surface each route belongs to.
    /// </summary>
    public virtual IReadOnlyList<Catalog.SimulatedSurface> Surfaces => [];

    /// <summary>The clock of this simulator (journal timestamps, rate-limit windows, anything time-based a subclass does).</summary>
    public TimeProvider Time { get; }

    /// <summary>The address the simulator listens on, e.g. <c>http://127.0.0.1:54321/</c> (always with a trailing slash).</summary>
    /// <exception cref="InvalidOperationException">The simulator has not been started.</exception>
    public Uri BaseAddress => Volatile.Read(ref _baseAddress)
        ?? throw new InvalidOperationException($"{Name} has not been started; call StartAsync first.");

    /// <summary>Builds the server and starts listening on loopback.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes once requests can be sent to <see cref="BaseAddress"/>.</returns>
    /// <exception cref="InvalidOperationException">The simulator was already started.</exception>
    /// <exception cref="ObjectDisposedException">The simulator was disposed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        switch (Interlocked.CompareExchange(ref _state, State.Starting, State.Created))
        {
            case State.Created:
                break;
            case State.Disposed:
                throw new ObjectDisposedException(GetType().FullName);
            default:
                throw new InvalidOperationException($"{Name} has already been started.");
        }

        var app = Build();
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            _app = app;
            Volatile.Write(ref _baseAddress, new Uri(address.TrimEnd('/') + "/", UriKind.Absolute));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            // A failed start (say, the port is taken) leaves the simulator startable again, unless disposed meanwhile.
            Interlocked.CompareExchange(ref _state, State.Created, State.Starting);
            throw;
        }

        if (Interlocked.CompareExchange(ref _state, State.Started, State.Starting) != State.Starting)
        {
            // Disposed while starting: the dispose could not see the app yet, so stop it here.
            await StopAsync(app, _options.StopTimeout).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and releases it; safe to call more than once.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        var previous = Interlocked.Exchange(ref _state, State.Disposed);
        if (previous == State.Started && _app is { } app)
        {
            await StopAsync(app, _options.StopTimeout).ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Maps the simulator's endpoints, typically with minimal APIs (<c>routes.MapGet(...)</c>).</summary>
    /// <param name="routes">Where to map them.</param>
    protected abstract void MapRoutes(IEndpointRouteBuilder routes);

    /// <summary>Registers services the endpoints need; nothing by default.</summary>
    /// <param name="services">The server's service collection.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>A response with <paramref name="rawJson"/> as its body, verbatim, as <c>application/json</c>.</summary>
    /// <param name="rawJson">The JSON text, typically copied from the vendor's documentation.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <returns>The result for an endpoint to return.</returns>
    protected static IResult Json(string rawJson, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(rawJson);
        return new RawJsonResult(rawJson, status);
    }

    // Stopping must not wait for test clients that never hang up: the faults that wait for the client
    // end on ApplicationStopping, anything else is cut after the stop timeout.
    private static async Task StopAsync(WebApplication app, TimeSpan stopTimeout)
    {
        using var timeout = new CancellationTokenSource(stopTimeout);
        try
        {
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private WebApplication Build()
    {
        // The empty builder reads no configuration files or environment and adds no logging providers:
        // a simulator must behave the same on every machine and keep test output clean.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, _options.Port ?? 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, DetachedHostLifetime>();
        ConfigureServices(builder.Services);

        var app = builder.Build();
        var journal = new JournalMiddleware(Journal, Time);
        var faults = new FaultMiddleware(Faults);
        if (_options.AdminEndpoints)
        {
            app.Use(new FaultAdminMiddleware(Faults).InvokeAsync);
        }

        app.Use(journal.InvokeAsync);
        app.Use(faults.InvokeAsync);
        app.UseRouting();
        MapRoutes(app);
        app.UseEndpoints(_ => { });
        app.Run(new RouteListing(Name, app, Surfaces, _options.AdminEndpoints ? FaultAdminMiddleware.Routes : []).WriteAsync);
        return app;
    }

    private static class State
    {
        public const int Created = 0;
        public const int Starting = 1;
        public const int Started = 2;
        public const int Disposed = 3;
    }
}
