using System.Security.Cryptography;
using System.Text;

namespace ChatApis.AspNetCore;

/// <summary>
/// Compares a presented URL token with the accepted ones in constant time. Both sides are hashed first, so
/// neither the token's content nor its length shows in the time taken; every accepted token is compared.
/// </summary>
internal sealed class UrlTokenCheck
{
    private readonly byte[][] _accepted;

    public UrlTokenCheck(IEnumerable<string> tokens)
    {
        _accepted = [.. tokens.Select(Hash)];
    }

    public bool IsEmpty => _accepted.Length == 0;

    public bool Matches(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > WebhookUrlToken.MaximumLength)
        {
            return false;
        }

        var hash = Hash(presented);
        var match = false;
        foreach (var accepted in _accepted)
        {
            match |= CryptographicOperations.FixedTimeEquals(hash, accepted);
        }

        return match;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
