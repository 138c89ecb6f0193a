namespace ChatApis.Auth.OAuth;

/// <summary>
/// Where one connected account's tokens live. Implement it to persist tokens (a database, a secret
/// store); the SDK saves a rotated pair here BEFORE it uses the new access token, so a crash can
/// never lose the only valid refresh token. Implementations must be thread-safe.
/// </summary>
/// <remarks>
/// A store that throws (or does not answer in time) never loses a rotated pair: the SDK keeps it in
/// memory, goes on with it, and calls <see cref="SaveTokensAsync"/> again on later calls until it
/// succeeds (see <see cref="OAuthTokenManager.HasUnsavedTokens"/>). A failing read is bridged with the
/// pair in memory, else reported as <see cref="ChatApiTokenStoreException"/>.
/// </remarks>
public interface ITokenStore
{
    /// <summary>Reads the current tokens.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tokens, or <c>null</c> when the account has none (authorization needed).</returns>
    ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the tokens (after a code exchange or a refresh).</summary>
    /// <param name="tokens">The new tokens.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the tokens are durably stored.</returns>
    ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default);
}
