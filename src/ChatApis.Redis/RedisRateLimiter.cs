using ChatApis.RateLimiting;
using StackExchange.Redis;

namespace ChatApis.Redis;

/// <summary>
/// The vendor's rate-limit budgets of one connected account, shared by every instance in Redis: the same
/// sliding-window semantics as the in-process gate (at most N requests in any window), decided atomically by one
/// Lua script on Redis's own clock (so the instances' clocks need not agree). Each permit occupies the window plus a
/// small safety margin (2% of the window, at least 250 ms): a request granted in one instance may reach the server a
/// little later than another instance's, and the server counts arrivals, not grants. Give it to a client with
/// <c>options.UseSharedRateLimiter(limiter)</c>; when Redis cannot be reached the client applies its in-process
/// limit alone and logs a warning.
/// </summary>
public sealed class RedisRateLimiter : ISharedRateLimiter
{
    // KEYS[1] = the budget's sorted set of grant times (ms). ARGV = limit, window (ms), a unique member.
    // Returns 0 when a permit was taken, else the milliseconds until the oldest grant leaves the window.
    private const string SlidingWindow = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < limit then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], window)
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        local wait = tonumber(oldest[2]) + window - now
        if wait < 1 then wait = 1 end
        return wait
        """;

    // Moves a permit (if still in the window) to Redis's now: its request came back, so the server has counted it.
    private const string Restamp = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
        redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisAccountKeys _keys;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private static readonly TimeSpan MinimumMargin = TimeSpan.FromMilliseconds(250);
    private long _sequence;

    /// <summary>Creates the shared budgets of one connected account.</summary>
    /// <param name="redis">The application's Redis connection (shared; not disposed here).</param>
    /// <param name="accountKey">A name for the account (or integration), the same in every instance; never a credential.</param>
    /// <param name="keyPrefix">The prefix of every key (default <c>"chatapis:"</c>).</param>
    /// <exception cref="ArgumentException"><paramref name="accountKey"/> is empty, longer than 200 characters, or holds spaces, braces or control characters.</exception>
    public RedisRateLimiter(IConnectionMultiplexer redis, string accountKey, string keyPrefix = "chatapis:")
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
        _keys = new RedisAccountKeys(keyPrefix, accountKey);
    }

    /// <inheritdoc />
    public async ValueTask<SharedPermit> TryAcquireAsync(RateLimitBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var member = $"{_instance}:{Interlocked.Increment(ref _sequence)}";
        var result = await _redis.GetDatabase().ScriptEvaluateAsync(
            SlidingWindow,
            [_keys.RatePrefix + budget.Name],
            [budget.PermitLimit, OccupiedMilliseconds(budget), member]).WaitAsync(cancellationToken).ConfigureAwait(false);
        var wait = (long)result;
        return wait <= 0 ? new SharedPermit(member, TimeSpan.Zero) : new SharedPermit(null, TimeSpan.FromMilliseconds(wait));
    }

    /// <inheritdoc />
    public async ValueTask RestampAsync(RateLimitBudget budget, string permitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentException.ThrowIfNullOrEmpty(permitId);
        await _redis.GetDatabase().ScriptEvaluateAsync(
            Restamp,
            [_keys.RatePrefix + budget.Name],
            [permitId, OccupiedMilliseconds(budget)]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    // How long a permit counts: the window plus the safety margin (see the class remarks).
    private static long OccupiedMilliseconds(RateLimitBudget budget)
    {
        var margin = budget.Window * 0.02;
        return (long)Math.Ceiling((budget.Window + (margin > MinimumMargin ? margin : MinimumMargin)).TotalMilliseconds);
    }
}
