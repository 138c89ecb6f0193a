namespace ChatApis.Auth.OAuth;

/// <summary>
/// Coordinates token refreshes of ONE connected account across every process that shares its token store
/// (several replicas of a service). A token store that implements this interface is used as the lock too:
/// before refreshing, the <see cref="OAuthTokenManager"/> takes the lock, reads the store again (another
/// instance may have rotated the pair meanwhile, and then its pair is used instead of refreshing), refreshes,
/// and saves the rotated pair through the lease, which refuses the write once the lease has expired and another
/// instance may hold the lock (a fencing check), so an expired holder never overwrites a newer pair.
/// </summary>
/// <remarks>
/// A refresh never proceeds without the lock: when the coordinator cannot be reached, <see cref="AcquireAsync"/>
/// throws <see cref="ChatApiTokenStoreException"/> and the call fails with it, rather than risking a second
/// refresh that would kill the pair another instance holds (vendors that rotate refresh tokens invalidate the
/// old one at once).
/// </remarks>
public interface ITokenRefreshLock
{
    /// <summary>
    /// Takes the account's refresh lock, waiting while another instance holds it (at most until that holder's
    /// lease expires). While it waits, <paramref name="changed"/> is polled: when it returns true (the store
    /// now holds a pair other than the one the caller found unusable) the wait ends without the lock.
    /// </summary>
    /// <param name="changed">Whether the store's pair changed meanwhile (then no refresh is needed).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease, or <c>null</c> when <paramref name="changed"/> returned true first.</returns>
    /// <exception cref="ChatApiTokenStoreException">The coordinator cannot be reached; no refresh may happen.</exception>
    ValueTask<ITokenRefreshLease?> AcquireAsync(Func<CancellationToken, ValueTask<bool>> changed, CancellationToken cancellationToken);
}

/// <summary>A held refresh lock (see <see cref="ITokenRefreshLock"/>). Disposing it releases the lock if it is still ours.</summary>
public interface ITokenRefreshLease : IAsyncDisposable
{
    /// <summary>
    /// Saves the rotated pair only if this lease still holds the lock (fencing).
    /// </summary>
    /// <param name="tokens">The rotated pair.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the pair is durably stored.</returns>
    /// <exception cref="ChatApiTokenStoreException">The lease expired and another instance may hold the lock: the pair was not written (the manager keeps it in memory and saves it later).</exception>
    ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken);
}
