using System.Net.Http.Headers;
using ChatApis.Http;

namespace ChatApis.Auth;

/// <summary>Adds <c>Authorization: Bearer &lt;token&gt;</c> with a fixed token (Zipchat keys, Vertext tokens).</summary>
public sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly AuthenticationHeaderValue _header;

    /// <summary>Creates the handler.</summary>
    /// <param name="token">The bearer token; never logged.</param>
    public BearerTokenHandler(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _header = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Options.TryGetValue(ChatApiRequestOptionKeys.SkipAuthentication, out var skip) || !skip)
        {
            request.Headers.Authorization = _header;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
