using System.Net;
using System.Net.Http.Headers;

namespace ChatApis.Benchmarks.Payloads;

/// <summary>
/// The no-network transport: answers from the same pre-serialized bodies as the loopback server,
/// without sockets, so what remains of a call's cost is the client's own work (request building,
/// handlers, response plumbing, JSON reading). Each client gets its own instance.
/// </summary>
public sealed class StubTransport(PayloadRouter router) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var payload = router.Find(request.Method.Method, uri.AbsolutePath, uri.Query);
        if (payload is not { } answer)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
        }

        // ByteArrayContent reports its length, as the server's Content-Length does.
        var content = new ByteArrayContent(answer.Body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = content, RequestMessage = request });
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken).GetAwaiter().GetResult();
}
