namespace ChatApis.Auth.OAuth;

/// <summary>Performs a vendor's refresh-token grant (the vendor package implements it).</summary>
public interface ITokenRefresher
{
    /// <summary>Exchanges a refresh token for a new token pair.</summary>
    /// <param name="refreshToken">The current refresh token.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <returns>The new tokens (with the rotated refresh token, if the vendor rotates).</returns>
    /// <exception cref="ChatApiReauthorizationRequiredException">The refresh token was rejected (invalid_grant).</exception>
    Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default);
}
