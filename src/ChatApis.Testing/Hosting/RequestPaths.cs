using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatApis.Testing;

/// <summary>Reads the request path the way the journal and fault rules both see it.</summary>
internal static class RequestPaths
{
    /// <summary>
    /// The path exactly as the client put it on the wire (percent-encoding kept), because assertions
    /// about what an SDK sent must not be blurred by server-side decoding.
    /// </summary>
    public static string RawPath(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(target) && target[0] == '/')
        {
            var query = target.IndexOf('?', StringComparison.Ordinal);
            return query < 0 ? target : target[..query];
        }

        // Absolute-form or asterisk-form targets are rare; the decoded path is the best we have then.
        return (context.Request.PathBase + context.Request.Path).ToUriComponent();
    }

    /// <summary>
    /// Whether a request matches a method and path pattern: the method is compared case-insensitively
    /// ("*" matches any), the path exactly but case-insensitively, or as a prefix when it ends with "*".
    /// </summary>
    public static bool Matches(string methodPattern, string pathPattern, string method, string path)
    {
        if (methodPattern != "*" && !string.Equals(methodPattern, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return pathPattern.EndsWith('*')
            ? path.StartsWith(pathPattern.AsSpan(0, pathPattern.Length - 1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(pathPattern, path, StringComparison.OrdinalIgnoreCase);
    }
}
