using ChatApis.Auth.OAuth;
using StackExchange.Redis;

namespace ChatApis.Redis;

/// <summary>
/// One connected account's OAuth tokens in Redis, shared by every instance of a service, and the lock that lets
/// exactly one of them refresh at a time (it implements <see cref="ITokenRefreshLock"/>, which the token manager
/// uses by itself: nothing else to wire). Redis holds the tokens themselves (plain JSON unless
/// <see cref="RedisTokenStoreOptions.Protector"/> is set); keys hold only the account key you choose.
/// </summary>
/// <remarks>
/// The refresh lock is a Redis key set with NX and an expiry, holding a random lease id: the fencing value. A
/// rotated pair is written by a Lua script only while the lock still holds that id, so an instance whose lease
/// expired mid-refresh never overwrites a newer pair; it keeps its pair in memory and the token manager saves it
/// later. When Redis cannot be reached the lock cannot be taken and the refresh does not happen: the call fails
/// with <see cref="ChatApiTokenStoreException"/> (a refresh without the lock could kill the pair another
/// instance holds, since the vendors rotate refresh tokens).
/// </remarks>
public sealed class RedisTokenStore : ITokenStore, ITokenRefreshLock
{
    // Writes the pair only while the lock holds this lease's id (the fencing check), atomically.
    private const string FencedSet = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[2], ARGV[2])
          return 1
        end
        return 0
        """;

    // Releases the lock only if it is still this lease's.
    private const string FencedRelease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisAccountKeys _keys;
    private readonly RedisTokenStoreOptions _options;

    /// <summary>Creates the store of one connected account.</summary>
    /// <param name="redis">The application's Redis connection (shared; not disposed here).</param>
    /// <param name="accountKey">A name for the account, the same in every instance (e.g. the vendor's account id); never a credential.</param>
    /// <param name="options">Key prefix, lock timing and an optional protector.</param>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is empty, longer than 200 characters, or holds spaces, braces or control characters.</exception>
    public RedisTokenStore(IConnectionMultiplexer redis, string accountKey, RedisTokenStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _options = options ?? new RedisTokenStoreOptions();
        if (_options.LockExpiry < TimeSpan.FromSeconds(1) || _options.LockPollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "LockExpiry must be at least 1 second and LockPollInterval positive.");
        }

        _redis = redis;
        _keys = new RedisAccountKeys(_options.KeyPrefix, accountKey);
        AccountKey = accountKey;
    }

    /// <summary>The account key the store was created with.</summary>
    public string AccountKey { get; }

    /// <inheritdoc />
    public async ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default)
    {
        var value = await Database.StringGetAsync(_keys.Tokens).WaitAsync(cancellationToken).ConfigureAwait(false);
        return value.IsNull ? null : StoredTokens.Deserialize(Unprotect(value.ToString()));
    }

    /// <inheritdoc />
    public async ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        await Database.StringSetAsync(_keys.Tokens, Protect(tokens)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<ITokenRefreshLease?> AcquireAsync(Func<CancellationToken, ValueTask<bool>> changed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var leaseId = Guid.NewGuid().ToString("N");
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();

        // A holder keeps the lock at most LockExpiry; twice that covers one holder dying and the next finishing.
        var giveUpAfter = _options.LockExpiry * 2;
        while (true)
        {
            bool taken;
            try
            {
                taken = await Database.StringSetAsync(_keys.RefreshLock, leaseId, _options.LockExpiry, When.NotExists).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                throw Unreachable(ex);
            }

            if (taken)
            {
                return new Lease(this, leaseId);
            }

            // Another instance is refreshing: its rotated pair, once saved, ends our wait without a refresh.
            bool storeChanged;
            try
            {
                storeChanged = await changed(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                throw Unreachable(ex);
            }

            if (storeChanged)
            {
                return null;
            }

            if (time.GetElapsedTime(started) > giveUpAfter)
            {
                throw new ChatApiTokenStoreException(
                    $"The token refresh lock of account '{AccountKey}' stayed taken for {giveUpAfter} without the stored tokens changing; no refresh was attempted.", null);
            }

            await Task.Delay(_options.LockPollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private IDatabase Database => _redis.GetDatabase();

    private ChatApiTokenStoreException Unreachable(Exception ex) =>
        new($"Redis could not be reached to take the token refresh lock of account '{AccountKey}' ({ex.GetType().Name}); no refresh was attempted, so no other instance's tokens were put at risk.", null, ex);

    private string Protect(OAuthTokens tokens)
    {
        var json = StoredTokens.Serialize(tokens);
        return _options.Protector?.Protect(json) ?? json;
    }

    private string Unprotect(string stored) => _options.Protector?.Unprotect(stored) ?? stored;

    private sealed class Lease(RedisTokenStore store, string leaseId) : ITokenRefreshLease
    {
        public async ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(tokens);
            var written = (long)await store.Database.ScriptEvaluateAsync(
                FencedSet,
                [store._keys.RefreshLock, store._keys.Tokens],
                [leaseId, store.Protect(tokens)]).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (written != 1)
            {
                throw new ChatApiTokenStoreException(
                    $"The refresh lock of account '{store.AccountKey}' expired before the rotated tokens were saved (another instance may hold it now); they were not written over a possibly newer pair.", null);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await store.Database.ScriptEvaluateAsync(FencedRelease, [store._keys.RefreshLock], [leaseId]).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // The lock expires by itself; a release that cannot reach Redis only delays the next holder.
            }
        }
    }
}
