using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>
/// An HTTP/1.1 server on a raw socket, for what Kestrel will not do: broken framing, a response
/// smuggled after another, a phase held until the client gives up. It listens on 127.0.0.1 with a port
/// the OS picks and it keeps (no bind-and-release). A script runs once per accepted socket; the server
/// records every socket it accepted and every request it read, and lets a test wait for the n-th request.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawHttpConnection, Task> _script;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<Task> _connections = new();
    private readonly ConcurrentQueue<RawHttpConnection> _open = new();
    private readonly ConcurrentQueue<Exception> _scriptErrors = new();
    private readonly Lock _gate = new();
    private readonly List<RawHttpRequest> _requests = [];
    private readonly List<(int Number, TaskCompletionSource Reached)> _waiters = [];
    private readonly Task _accepting;
    private int _accepted;

    /// <summary>Starts listening at once.</summary>
    /// <param name="script">What the server does with each accepted connection.</param>
    public RawHttpServer(Func<RawHttpConnection, Task> script)
    {
        _script = script;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Where a client of <paramref name="surface"/> finds its API on this server (the same paths as the surface's simulator).</summary>
    /// <param name="surface">The surface.</param>
    /// <returns>The base address to give the client.</returns>
    public Uri ApiBaseFor(Surface surface) => new(BaseAddress, surface switch
    {
        Surfaces.AssistLoopSurfaceDefinition assistLoop => assistLoop.BasePath.TrimStart('/'),
        Surfaces.ZipchatSurface => ChatApis.Testing.Zipchat.ZipchatSimulator.ApiPath,
        Surfaces.ChattingSurface => "api/zapier/",
        _ => "",
    });

    /// <summary>How many sockets the server accepted.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Every request read so far, in order.</summary>
    public IReadOnlyList<RawHttpRequest> Requests
    {
        get { lock (_gate) { return _requests.ToArray(); } }
    }

    /// <summary>Exceptions a script threw other than the client going away (a broken test, not a broken client).</summary>
    public IReadOnlyCollection<Exception> ScriptErrors => _scriptErrors.ToArray();

    /// <summary>Cancelled when the server is disposed.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Waits (bounded) until the server has read its <paramref name="number"/>-th request, and returns it.</summary>
    /// <param name="number">1 for the first request.</param>
    /// <returns>The request.</returns>
    public async Task<RawHttpRequest> WaitForRequestAsync(int number)
    {
        Task reached;
        lock (_gate)
        {
            if (_requests.Count >= number)
            {
                return _requests[number - 1];
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((number, waiter));
            reached = waiter.Task;
        }

        try
        {
            await reached.WaitAsync(Bounded.Limit);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"The server did not receive request #{number} within {Bounded.Limit} (it has {Requests.Count}).");
        }

        lock (_gate)
        {
            return _requests[number - 1];
        }
    }

    /// <summary>A task that completes when the server has read its <paramref name="number"/>-th request (unbounded: combine it with another wait).</summary>
    /// <param name="number">1 for the first request.</param>
    /// <returns>The task.</returns>
    public Task RequestReached(int number)
    {
        lock (_gate)
        {
            if (_requests.Count >= number)
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((number, waiter));
            return waiter.Task;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        foreach (var connection in _open)
        {
            connection.Dispose();
        }

        try
        {
            await Task.WhenAll([_accepting, .. _connections]).WaitAsync(Bounded.Limit);
        }
        catch (Exception ex) when (ex is not TimeoutException)
        {
            // The scripts' own failures are reported through ScriptErrors.
        }

        _stopping.Dispose();
    }

    internal void Record(RawHttpRequest request)
    {
        List<TaskCompletionSource> reached = [];
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => w.Number <= _requests.Count).ToList())
            {
                _waiters.Remove(waiter);
                reached.Add(waiter.Reached);
            }
        }

        reached.ForEach(r => r.TrySetResult());
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stopping.Token);
                var connection = new RawHttpConnection(this, socket, Interlocked.Increment(ref _accepted));
                _open.Enqueue(connection);
                _connections.Enqueue(Task.Run(() => RunAsync(connection)));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RunAsync(RawHttpConnection connection)
    {
        try
        {
            await _script(connection);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server stopped: what these scripts provoke on purpose.
        }
        catch (Exception ex)
        {
            _scriptErrors.Enqueue(ex);
        }
        finally
        {
            connection.Dispose();
        }
    }
}
