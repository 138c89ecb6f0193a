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
        return new OAuthTokens(lines[0], lines[1], DateTimeOffset.Parse(lines[2], CultureInfo.InvariantCulture));
    }

    // Called with the rotated pair BEFORE the new access token is used: persist it durably.
    public async ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default) =>
        await File.WriteAllLinesAsync(path, [tokens.AccessToken, tokens.RefreshToken ?? "", $"{tokens.ExpiresAt:O}"], cancellationToken);
}
#endregion
