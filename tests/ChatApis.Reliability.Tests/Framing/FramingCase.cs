using System.Globalization;
using System.Text;
using ChatApis.Reliability.Tests.Support;

namespace ChatApis.Reliability.Tests.Framing;

/// <summary>How a framing case must end.</summary>
public enum FramingOutcome
{
    /// <summary>A <see cref="ChatApiTransportException"/>: the response could not be read as HTTP.</summary>
    Transport,

    /// <summary>A <see cref="ChatApiInvalidResponseException"/>: the HTTP was readable, its body was not the answer.</summary>
    Invalid,

    /// <summary>The genuine answer, parsed exactly as from a well-framed response.</summary>
    Parsed,
}

/// <summary>
/// One way a server can frame a response badly, written byte by byte on a raw socket, and what the
/// SDK must make of it. Every case answers with the surface's genuine status, headers and body, so
/// the framing is the only thing wrong.
/// </summary>
/// <param name="Name">The case, for test names.</param>
/// <param name="Answer">Writes the answer to one request (the connection is held open afterwards unless the case closes it).</param>
/// <param name="Expected">How the call must end.</param>
public sealed record FramingCase(string Name, Func<RawHttpConnection, GenuineResponse, Task> Answer, FramingOutcome Expected)
{
    private static string Hex(int value) => value.ToString("x", CultureInfo.InvariantCulture);

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private static Task Write(RawHttpConnection c, params byte[][] parts) => c.WriteAsync(parts.SelectMany(p => p).ToArray());

    private static async Task WriteThenClose(RawHttpConnection c, params byte[][] parts)
    {
        await Write(c, parts);
        c.EndOutput();
    }

    public static IReadOnlyList<FramingCase> All { get; } =
    [
        new("chunked-size-not-hex", (c, g) => Write(c, Bytes(g.Head("Transfer-Encoding: chunked")), Bytes("zz\r\n"), g.Body, Bytes("\r\n0\r\n\r\n")),
            FramingOutcome.Transport),
        new("chunked-size-overflows", (c, g) => Write(c, Bytes(g.Head("Transfer-Encoding: chunked")), Bytes("FFFFFFFFFFFFFFFFFFFF\r\n"), g.Body, Bytes("\r\n0\r\n\r\n")),
            FramingOutcome.Transport),
        new("chunked-no-crlf-after-data", (c, g) => Write(c, Bytes(g.Head("Transfer-Encoding: chunked")), Bytes(Hex(g.Body.Length) + "\r\n"), g.Body, Bytes("XX0\r\n\r\n")),
            FramingOutcome.Transport),
        new("chunked-no-last-chunk-then-close", (c, g) => WriteThenClose(c, Bytes(g.Head("Transfer-Encoding: chunked")), Bytes(Hex(g.Body.Length) + "\r\n"), g.Body, Bytes("\r\n")),
            FramingOutcome.Transport),
        // Transfer-Encoding overrides Content-Length (RFC 9112 6.3), but the SDK sizes its read by the
        // declared length: it reads 5 bytes of the body and reports it as not JSON. Typed either way.
        new("chunked-and-content-length", (c, g) => Write(c, Bytes(g.Head("Content-Length: 5", "Transfer-Encoding: chunked")), Bytes(Hex(g.Body.Length) + "\r\n"), g.Body, Bytes("\r\n0\r\n\r\n")),
            FramingOutcome.Invalid),
        new("content-length-longer-then-close", (c, g) => WriteThenClose(c, Bytes(g.Head($"Content-Length: {g.Body.Length + 100}")), g.Body),
            FramingOutcome.Transport),
        new("content-length-shorter", (c, g) => Write(c, Bytes(g.Head($"Content-Length: {g.Body.Length - 5}")), g.Body),
            FramingOutcome.Invalid),
        // The first length is the true one and the client reads by it.
        new("content-length-twice-different", (c, g) => Write(c, Bytes(g.Head($"Content-Length: {g.Body.Length}", $"Content-Length: {g.Body.Length + 1}")), g.Body),
            FramingOutcome.Parsed),
        // An unreadable length is no length: the body runs to the end of the connection.
        new("content-length-negative-then-close", (c, g) => WriteThenClose(c, Bytes(g.Head("Content-Length: -5")), g.Body),
            FramingOutcome.Parsed),
        new("status-line-garbage", (c, _) => Write(c, Bytes("GARBAGE\r\n\r\n")),
            FramingOutcome.Transport),
        new("status-code-not-a-number", (c, g) => Write(c, Bytes($"HTTP/1.1 2OO OK\r\nContent-Length: {g.Body.Length}\r\n\r\n"), g.Body),
            FramingOutcome.Transport),
        new("header-line-without-colon", (c, g) => Write(c, Bytes(g.Head("this is not a header", $"Content-Length: {g.Body.Length}")), g.Body),
            FramingOutcome.Transport),
        new("headers-then-close", (c, g) => WriteThenClose(c, Bytes(g.Head()[..^2])),
            FramingOutcome.Transport),
        new("headers-never-end", HeadersNeverEndAsync,
            FramingOutcome.Transport),
        new("nothing-then-close", (c, _) => WriteThenClose(c),
            FramingOutcome.Transport),
        new("http10-body-until-close", (c, g) => WriteThenClose(c, Bytes(g.Head().Replace("HTTP/1.1", "HTTP/1.0", StringComparison.Ordinal)), g.Body),
            FramingOutcome.Parsed),
        new("interim-100-then-answer", (c, g) => Write(c, Bytes("HTTP/1.1 100 Continue\r\n\r\n"), Bytes(g.Head($"Content-Length: {g.Body.Length}")), g.Body),
            FramingOutcome.Parsed),
    ];

    public static FramingCase ByName(string name) => All.Single(c => c.Name == name);

    // A status line, then header fields forever: the client must give up at its header size limit, not
    // buffer without end. The server stops after 4 MiB whatever happens, so a client that never gives up
    // ends in a test failure rather than a full disk.
    private static async Task HeadersNeverEndAsync(RawHttpConnection c, GenuineResponse g)
    {
        await c.WriteAsync($"HTTP/1.1 {g.Status} {g.Reason}\r\n");
        var filler = new string('a', 1000);
        for (var i = 0; i < 4096; i++)
        {
            await c.WriteAsync($"X-Filler-{i}: {filler}\r\n");
        }
    }

    public override string ToString() => Name;
}
