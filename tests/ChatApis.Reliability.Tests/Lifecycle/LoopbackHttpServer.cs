using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatApis.Reliability.Tests.Lifecycle;

/// <summary>A request as <see cref="LoopbackHttpServer"/> saw it (HTTP/1.1; a body is read by its Content-Length and dropped).</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target: path and query.</param>
/// <param name="Connection">Which accepted connection (1-based) carried it.</param>
public sealed record LoopbackRequest(string Method, string Target, int Connection)
{
    public string Path => Target.Split('?')[0];

    public IReadOnlyDictionary<string, string> Query => Target.Contains('?', StringComparison.Ordinal)
        ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "", StringComparer.Ordinal)
        : new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>
/// A minimal HTTP/1.1 server on a loopback socket (bound to port 0 and kept open, so no port is guessed):
/// keep-alive connections, each GET answered by the test's handler with a JSON body. It counts accepted
/// TCP connections and requests, which the higher-level simulators do not expose.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, CancellationToken, Task<(int Status, string Body)>> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _tasks = [];
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private int _accepted;

    public LoopbackHttpServer(Func<LoopbackRequest, CancellationToken, Task<(int Status, string Body)>> handler)
    {
        _handler = handler;
        _listener.Start();
        _tasks.Add(AcceptAsync());
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>TCP connections accepted so far.</summary>
    public int AcceptedConnections => Volatile.Read(ref _accepted);

    /// <summary>Requests read so far, in arrival order.</summary>
    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_tasks).WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = Interlocked.Increment(ref _accepted);
            _tasks.Add(ServeAsync(client, connection));
        }
    }

    private async Task ServeAsync(TcpClient client, int connection)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                int end;
                while ((end = buffer.AsSpan(0, filled).IndexOf(HeadEnd)) < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                var head = Encoding.ASCII.GetString(buffer, 0, end).Split("\r\n");
                var requestLine = head[0].Split(' ');
                var length = head.Skip(1).Select(h => h.Split(':', 2)).Where(h => h[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Select(h => int.Parse(h[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
                var consumed = end + HeadEnd.Length + length;
                while (filled < consumed)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                var request = new LoopbackRequest(requestLine[0], requestLine[1], connection);
                _requests.Enqueue(request);

                var (status, body) = await _handler(request, _stop.Token);
                var bytes = Encoding.UTF8.GetBytes(body);
                var response = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(status < 400 ? "OK" : "Error")}\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\n\r\n"));
                await stream.WriteAsync(response, _stop.Token);
                await stream.WriteAsync(bytes, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }
}
