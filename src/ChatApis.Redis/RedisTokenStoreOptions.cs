namespace ChatApis.Redis;

/// <summary>Settings of a <see cref="RedisTokenStore"/>.</summary>
public sealed class RedisTokenStoreOptions
{
    /// <summary>The prefix of every key (default <c>"chatapis:"</c>), e.g. to share one Redis database between applications.</summary>
    public string KeyPrefix { get; set; } = "chatapis:";

    /// <summary>
    /// How long a refresh lock is held at most (default 30 s): an instance that dies while refreshing blocks the
    /// others no longer than this. It must exceed a token refresh's worst case (the token endpoint's timeout).
    /// </summary>
    public TimeSpan LockExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance waiting for the refresh lock looks again (default 50 ms).</summary>
    public TimeSpan LockPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Encrypts the tokens stored in Redis, e.g. with ASP.NET Core Data Protection; <c>null</c> stores plain JSON.</summary>
    public ITokenProtector? Protector { get; set; }

    /// <summary>The clock for lock waits (the lock's expiry itself is kept by Redis).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
