using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>
/// One accepted socket of a <see cref="RawHttpServer"/>: the script reads requests off it and writes
/// whatever bytes the case needs, well-formed or not.
/// </summary>
public sealed class RawHttpConnection : IDisposable
{
    private const int MaxHead = 64 * 1024;

    private readonly RawHttpServer _server;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly TaskCompletionSource _clientClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    internal RawHttpConnection(RawHttpServer server, Socket socket, int number)
    {
        _server = server;
        _socket = socket;

        // Every write goes out at once: a script's writes are its segments, with no Nagle delay between them.
        _socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: false);
        Number = number;
    }

    /// <summary>Which accepted socket this is (1 = the first).</summary>
    public int Number { get; }

    /// <summary>Completes once a read saw the client close or reset the connection.</summary>
    public Task ClientClosed => _clientClosed.Task;

    /// <summary>The server's shutdown signal, for scripts that wait.</summary>
    public CancellationToken Stopping => _server.Stopping;

    /// <summary>Reads the next request (head and Content-Length or chunked body) and records it; <c>null</c> when the client closed first.</summary>
    public async Task<RawHttpRequest?> ReadRequestAsync()
    {
        int headEnd;
        while ((headEnd = IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (_end - _start > MaxHead)
            {
                throw new InvalidDataException("The request head is larger than the test server accepts.");
            }

            if (!await FillAsync())
            {
                return null;
            }
        }

        var head = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start).Split("\r\n");
        _start = headEnd + 4;
        var line = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in head.Skip(1))
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            var name = field[..colon].Trim();
            var value = field[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        byte[] body;
        if (headers.TryGetValue("Transfer-Encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync();
        }
        else
        {
            var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
            body = await ReadExactlyAsync(length);
        }

        var request = new RawHttpRequest(Number, line[0], line[1], headers, body);
        _server.Record(request);
        return request;
    }

    /// <summary>Writes text (UTF-8) to the client.</summary>
    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes bytes to the client.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes, Stopping);
        await _stream.FlushAsync(Stopping);
    }

    /// <summary>Ends the server's side (FIN): the client reads the end of the stream.</summary>
    public void EndOutput() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Resets the connection (RST) instead of closing it in order.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
    }

    /// <summary>Sends nothing more and reads (discarding) until the client closes the connection or the server stops.</summary>
    public async Task HoldAsync()
    {
        while (await FillAsync())
        {
            _start = _end;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }

    private async Task<byte[]> ReadExactlyAsync(int length)
    {
        while (_end - _start < length)
        {
            if (!await FillAsync())
            {
                throw new EndOfStreamException("The client closed the connection inside a request body.");
            }
        }

        var body = _buffer.AsSpan(_start, length).ToArray();
        _start += length;
        return body;
    }

    private async Task<byte[]> ReadChunkedAsync()
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync())
                {
                    throw new EndOfStreamException("The client closed the connection inside a chunked body.");
                }
            }

            var size = int.Parse(Encoding.ASCII.GetString(_buffer, _start, lineEnd - _start).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            _start = lineEnd + 2;
            var chunk = await ReadExactlyAsync(size + 2);
            body.AddRange(chunk[..size]);
            if (size == 0)
            {
                return [.. body];
            }
        }
    }

    private int IndexOf(ReadOnlySpan<byte> marker)
    {
        var at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
        return at < 0 ? -1 : _start + at;
    }

    // Reads more bytes into the buffer; false when the client closed (or reset) the connection.
    private async Task<bool> FillAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), Stopping);
        }
        catch (IOException ex) when (ex.InnerException is SocketException)
        {
            read = 0;
        }

        if (read == 0)
        {
            _clientClosed.TrySetResult();
            return false;
        }

        _end += read;
        return true;
    }
}
