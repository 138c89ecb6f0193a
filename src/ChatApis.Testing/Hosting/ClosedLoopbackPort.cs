using System.Net;
using System.Net.Sockets;

namespace ChatApis.Testing;

/// <summary>
/// A loopback port where nothing listens, so a connection to it is refused at once: the "server is
/// down" case. The port stays bound (without listening) until this is disposed, so no server started
/// meanwhile (say, another test's simulator picking a free port) can end up listening there, which a
/// port found free and released again cannot promise.
/// </summary>
/// <example>
/// <code>
/// using var down = new ClosedLoopbackPort();
/// var options = new ZipchatClientOptions { ApiKey = "...", ChatId = 1, BaseAddress = down.BaseAddress };
/// </code>
/// </example>
public sealed class ClosedLoopbackPort : IDisposable
{
    private readonly Socket _socket;

    /// <summary>Binds a port on 127.0.0.1 that the operating system picks, and never listens on it.</summary>
    public ClosedLoopbackPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/", UriKind.Absolute);
    }

    /// <summary>The port number.</summary>
    public int Port { get; }

    /// <summary>An <c>http</c> address on the port, e.g. <c>http://127.0.0.1:54321/</c> (with a trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Releases the port.</summary>
    public void Dispose() => _socket.Dispose();
}
