namespace ChatApis.Auth.OAuth;

/// <summary>
/// The options of a client that signs in with OAuth 2.0 (AssistLoop): where its connected account's tokens live.
/// Lets a package that knows no vendor (e.g. ChatApis.Redis) give any such client a shared token store.
/// </summary>
public interface IOAuthClientOptions
{
    /// <summary>The connected account's token store (rotated tokens are saved there); <c>null</c> for one built from the options' tokens.</summary>
    ITokenStore? TokenStore { get; set; }
}
