namespace ChatApis.Redis;

/// <summary>
/// Encrypts the token pair before it is written to Redis and decrypts it after it is read, e.g. with ASP.NET Core
/// Data Protection (<c>IDataProtector.Protect</c>/<c>Unprotect</c> fit as they are). Without one, Redis holds the
/// tokens as plain JSON: protect the Redis instance accordingly (ACLs, TLS, no persistence you do not need).
/// </summary>
public interface ITokenProtector
{
    /// <summary>Encrypts the serialized token pair.</summary>
    /// <param name="plaintext">The JSON of the pair.</param>
    /// <returns>The protected text stored in Redis.</returns>
    string Protect(string plaintext);

    /// <summary>Decrypts what <see cref="Protect"/> produced.</summary>
    /// <param name="protectedText">The stored text.</param>
    /// <returns>The JSON of the pair.</returns>
    string Unprotect(string protectedText);
}
