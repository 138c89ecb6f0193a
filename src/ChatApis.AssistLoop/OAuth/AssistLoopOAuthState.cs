using System.Security.Cryptography;
using System.Text;

namespace ChatApis.AssistLoop;

/// <summary>
/// The OAuth <c>state</c> value that protects the authorization flow against CSRF: create one per
/// authorization, keep it (e.g. in the user's session), and check it when the redirect comes back.
/// </summary>
public static class AssistLoopOAuthState
{
    /// <summary>Creates an unguessable state value (256 random bits, base64url).</summary>
    /// <returns>The state.</returns>
    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Checks a returned state against the one sent, in constant time.</summary>
    /// <param name="expected">The state created for this authorization.</param>
    /// <param name="returned">The state the redirect or the authorize response carried.</param>
    /// <exception cref="ArgumentException"><paramref name="expected"/> is empty.</exception>
    /// <exception cref="OAuthStateMismatchException">The states differ (or none came back): do not exchange the code.</exception>
    public static void Validate(string expected, string? returned)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expected);
        var a = Encoding.UTF8.GetBytes(expected);
        var b = Encoding.UTF8.GetBytes(returned ?? "");
        if (!CryptographicOperations.FixedTimeEquals(a, b))
        {
            throw new OAuthStateMismatchException(returned is null
                ? "The OAuth redirect carried no state; it may be forged (CSRF). Do not exchange its code."
                : "The OAuth state returned does not match the one sent; the redirect may be forged (CSRF). Do not exchange its code.");
        }
    }

    /// <summary>Reads the authorization code from the redirect AssistLoop sent the user back to, after checking its state.</summary>
    /// <param name="redirect">The full redirect URL (with <c>code</c> and <c>state</c> in its query).</param>
    /// <param name="expectedState">The state created for this authorization.</param>
    /// <returns>The authorization code, to pass to <see cref="AssistLoopClient.ExchangeCodeAsync"/>.</returns>
    /// <exception cref="ArgumentException">The redirect is not absolute, or carries no code.</exception>
    /// <exception cref="OAuthStateMismatchException">The state is missing or differs.</exception>
    /// <exception cref="ChatApiAuthenticationException">The redirect carries an OAuth <c>error</c> (e.g. access_denied).</exception>
    public static string ReadCode(Uri redirect, string expectedState)
    {
        ArgumentNullException.ThrowIfNull(redirect);
        if (!redirect.IsAbsoluteUri)
        {
            throw new ArgumentException("redirect must be the absolute URL the user was sent back to.", nameof(redirect));
        }

        var query = ParseQuery(redirect.Query);
        Validate(expectedState, query.GetValueOrDefault("state"));
        if (query.TryGetValue("error", out var error))
        {
            throw new ChatApiAuthenticationException(
                $"The AssistLoop authorization was not granted: {error}{(query.TryGetValue("error_description", out var d) ? $" ({d})" : "")}.",
                new ChatApiErrorDetails(ErrorCode: error, Message: query.GetValueOrDefault("error_description"), Vendor: AssistLoopVendor.Name));
        }

        return query.TryGetValue("code", out var code) && code.Length > 0
            ? code
            : throw new ArgumentException("redirect carries no authorization code.", nameof(redirect));
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            var value = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
            values.TryAdd(name, value);
        }

        return values;
    }
}
