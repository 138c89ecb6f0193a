using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ChatApis.Http;

namespace ChatApis.Pipeline;

/// <summary>
/// Where a pipeline's calls go, said without anything a caller supplied: the server's host and port, and each
/// operation's URL with its path as the TEMPLATE under the base path
/// (<c>https://api.zipchat.ai/api/v1/chats/{chat_id}/users/{id}</c>). Ids never appear (they come from
/// outside, e.g. a webhook), nor query values (a vendor could take a credential there), nor the base address's
/// user info: what it returns is safe for logs, spans and exception messages. Yet it shows exactly what a
/// wrong base address got wrong (host, port, base path).
/// </summary>
internal sealed class RequestTarget
{
    private readonly string _origin;
    private readonly string _basePath;
    private readonly ConcurrentDictionary<ApiOperation, (string Template, string Url)> _byOperation = new();

    public RequestTarget(Uri baseAddress)
    {
        ServerAddress = baseAddress.IdnHost;
        ServerPort = baseAddress.Port;
        HostAndPort = baseAddress.HostNameType == UriHostNameType.IPv6
            ? $"[{ServerAddress}]:{ServerPort.ToString(CultureInfo.InvariantCulture)}"
            : $"{ServerAddress}:{ServerPort.ToString(CultureInfo.InvariantCulture)}";
        _origin = baseAddress.GetComponents(UriComponents.Scheme | UriComponents.Host | UriComponents.Port, UriFormat.UriEscaped);
        _basePath = baseAddress.AbsolutePath;
    }

    /// <summary>The server's host name or IP (<c>server.address</c>).</summary>
    public string ServerAddress { get; }

    /// <summary>The server's port (<c>server.port</c>), the scheme's default when the base address names none.</summary>
    public int ServerPort { get; }

    /// <summary><c>host:port</c>, for failure logs.</summary>
    public string HostAndPort { get; }

    /// <summary>The absolute path template of <paramref name="operation"/> (<c>url.template</c>): the base path, then the operation's template.</summary>
    public string Template(ApiOperation operation) => Of(operation).Template;

    /// <summary>The operation's URL, its path the template (no ids, no query).</summary>
    public string Url(ApiOperation operation) => Of(operation).Url;

    /// <summary>
    /// The URL a request went to, for the debug log: the operation's <see cref="Url"/> and the query's
    /// parameter NAMES with every value replaced by <c>*</c> (<c>?page=*&amp;per_page=*</c>).
    /// </summary>
    public string UrlWithQueryNames(ApiOperation operation, Uri? requestUri)
    {
        var url = Url(operation);
        var query = requestUri is { IsAbsoluteUri: true } ? requestUri.Query : "";
        if (query.Length <= 1)
        {
            return url;
        }

        var text = new StringBuilder(url, url.Length + query.Length).Append('?');
        var first = true;
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            text.Append(first ? "" : "&").Append(equals < 0 ? pair : pair[..equals]).Append("=*");
            first = false;
        }

        return text.ToString();
    }

    // Operations are a vendor's static declarations: the cache holds one entry per endpoint.
    private (string Template, string Url) Of(ApiOperation operation) =>
        _byOperation.GetOrAdd(operation, static (op, self) =>
        {
            // A template with a leading '/' is resolved against the host root (e.g. an OAuth token endpoint).
            var path = op.PathTemplate.StartsWith('/') ? op.PathTemplate : self._basePath + op.PathTemplate;
            return (path, self._origin + path);
        }, this);
}
