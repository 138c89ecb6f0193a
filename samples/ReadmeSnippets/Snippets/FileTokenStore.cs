using System.Globalization;
using ChatApis.Auth.OAuth;

namespace Samples.ReadmeSnippets.Snippets;

#region snippet:token-store
/// <summary>Keeps one account's tokens in a file; use your database or secret store the same way.</summary>
public sealed class FileTokenStore(string path) : ITokenStore
{
    public async ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        DateTimeOffset? expiresAt = lines[2].Length == 0 ? null : DateTimeOffset.Parse(lines[2], CultureInfo.InvariantCulture);
        return new OAuthTokens(lines[0], lines[1], expiresAt) { TokenType = lines[3] };
    }

    // Called with the rotated pair BEFORE the new access token is used: persist it durably. If this
    // throws, the client keeps the pair in memory and calls it again on its next calls.
    public async ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default) =>
        await File.WriteAllLinesAsync(path, [tokens.AccessToken, tokens.RefreshToken ?? "", $"{tokens.ExpiresAt:O}", tokens.TokenType ?? ""], cancellationToken);
}
#endregion
