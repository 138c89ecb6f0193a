namespace ChatApis.Http;

/// <summary>
/// Hands the pipeline's requests to the handler chain it was given (an <see cref="HttpMessageInvoker"/>, which
/// may be an HttpClient from IHttpClientFactory). An HttpClient is asked for the headers only, so the pipeline
/// reads (and caps, and times) the body itself. It never disposes what it forwards to: the client owns that.
/// </summary>
internal sealed class InvokerForwardingHandler(HttpMessageInvoker invoker) : HttpMessageHandler
{
    private readonly HttpClient? _client = invoker as HttpClient;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _client is not null
            ? _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : invoker.SendAsync(request, cancellationToken);
}
