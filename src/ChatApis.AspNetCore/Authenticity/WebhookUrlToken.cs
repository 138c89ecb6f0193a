using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace ChatApis.AspNetCore;

/// <summary>
/// The secret token a webhook target URL carries, so an endpoint can tell the vendor's deliveries from anyone
/// else's POSTs when the vendor signs nothing. Generate one per subscription, keep it with your secrets, give the
/// endpoint the same token (<see cref="WebhookEndpointOptions.UrlToken"/>) and subscribe the URL
/// <see cref="BuildTargetUrl"/> returns.
/// </summary>
/// <remarks>
/// A URL token proves only that the sender knows the URL: anyone who sees the URL (the vendor, a proxy's or the
/// server's access log, a browser history) can send deliveries with it, and a delivery's body is not protected
/// against change. Use HTTPS, keep request-path logging off for these endpoints, and rotate a token that leaked.
/// </remarks>
public static class WebhookUrlToken
{
    /// <summary>The route parameter that holds the token in a pattern like <c>/hooks/assistloop/{token}</c>.</summary>
    public const string RouteParameterName = "token";

    /// <summary>The query parameter that holds the token when the pattern has no <c>{token}</c> parameter.</summary>
    public const string QueryParameterName = "token";

    /// <summary>The shortest token accepted: 22 characters (128 bits of a base64url token).</summary>
    public const int MinimumLength = 22;

    /// <summary>The longest token accepted.</summary>
    public const int MaximumLength = 256;

    /// <summary>A new random token: 256 bits from the system's cryptographic generator, base64url (43 characters).</summary>
    /// <returns>The token.</returns>
    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The target URL to subscribe: the endpoint's public URL with the token added.</summary>
    /// <param name="endpointUrl">The endpoint's public absolute URL without the token, e.g. <c>https://app.example.com/hooks/assistloop</c>.</param>
    /// <param name="token">The token (from <see cref="Generate"/>).</param>
    /// <param name="placement">A last path segment (the pattern ends with <c>{token}</c>) or the <c>token</c> query parameter.</param>
    /// <returns>E.g. <c>https://app.example.com/hooks/assistloop/Xy...</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="endpointUrl"/> is not absolute, or <paramref name="token"/> is not a valid token.</exception>
    public static Uri BuildTargetUrl(Uri endpointUrl, string token, WebhookTokenPlacement placement = WebhookTokenPlacement.PathSegment)
    {
        ArgumentNullException.ThrowIfNull(endpointUrl);
        if (!endpointUrl.IsAbsoluteUri)
        {
            throw new ArgumentException("endpointUrl must be an absolute URL (the endpoint's public address).", nameof(endpointUrl));
        }

        EnsureValid(token, nameof(token));
        var builder = new UriBuilder(endpointUrl) { Fragment = "" };
        if (placement == WebhookTokenPlacement.Query)
        {
            var query = builder.Query.TrimStart('?');
            builder.Query = (query.Length == 0 ? "" : query + "&") + QueryParameterName + "=" + token;
        }
        else
        {
            builder.Path = builder.Path.TrimEnd('/') + "/" + token;
        }

        return builder.Uri;
    }

    /// <summary>Checks a token: 22 to 256 characters, each a letter, digit, <c>-</c>, <c>_</c>, <c>.</c> or <c>~</c> (so it travels in a URL unescaped).</summary>
    /// <param name="token">The token.</param>
    /// <param name="parameterName">The name to report.</param>
    /// <exception cref="ArgumentException">It is not valid (the message never contains it).</exception>
    internal static void EnsureValid(string? token, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(token, parameterName);
        if (token.Length is < MinimumLength or > MaximumLength || !token.All(IsUrlSafe))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} must be {1} to {2} URL-safe characters (letters, digits, '-', '_', '.', '~'); use WebhookUrlToken.Generate().", parameterName, MinimumLength, MaximumLength),
                parameterName);
        }
    }

    private static bool IsUrlSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';
}
