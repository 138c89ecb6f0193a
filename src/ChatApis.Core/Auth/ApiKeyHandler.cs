using ChatApis.Http;

namespace ChatApis.Auth;

/// <summary>Adds an API key in a named header (e.g. Chatting's <c>X-API-Key</c>).</summary>
public sealed class ApiKeyHandler : DelegatingHandler
{
    private readonly string _headerName;
    private readonly string _apiKey;

    /// <summary>Creates the handler.</summary>
    /// <param name="headerName">The header the vendor reads.</param>
    /// <param name="apiKey">The key; never logged.</param>
    public ApiKeyHandler(string headerName, string apiKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(headerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _headerName = headerName;
        _apiKey = apiKey;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(ChatApiRequestOptionKeys.SkipAuthentication, out var skip) || !skip)
        {
            request.Headers.Remove(_headerName);
            request.Headers.TryAddWithoutValidation(_headerName, _apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
