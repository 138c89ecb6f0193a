using ChatApis.RateLimiting;
using StackExchange.Redis;

namespace ChatApis.Redis;

/// <summary>
/// The vendor's rate-limit budgets of one connected account, shared by every instance in Redis, with the in-process
/// gate's semantics: at most N requests reach the server in any window, whatever its boundaries. A permit counts as
/// in flight from its grant until its request's response came back (<see cref="ReleaseAsync"/>), then for a window
/// from that moment, because the server counts a request when it arrives and that lies in between. Each step is one
/// atomic Lua script on Redis's own clock, so the instances' clocks need not agree. A permit never released (its
/// process died) leaves the window on its own two windows after its grant. The budget also learns from the
/// server: when a response says fewer requests are left than the shared count explains, someone outside the shared
/// budget uses it, and every instance keeps that much below the limit until the server's window resets. Give it to
/// a client with <c>options.UseRedis(...)</c> or <c>options.UseSharedRateLimiter(limiter)</c>; when Redis cannot be
/// reached the client applies its in-process limit alone and logs a warning.
/// </summary>
public sealed class RedisRateLimiter : ISharedRateLimiter
{
    // KEYS[1] = the budget's sorted set of permits (score: ms when it stops counting as in flight, or when its
    // response came back); KEYS[2] = the learned use by others. ARGV = limit, window (ms), a unique member, how long
    // to wait when every permit is in flight (ms). Returns 0 when a permit was taken, else the ms to wait.
    private const string Acquire = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local foreign = tonumber(redis.call('GET', KEYS[2]) or '0')
        if redis.call('ZCARD', KEYS[1]) < limit - foreign then
          redis.call('ZADD', KEYS[1], now + window, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], 2 * window)
          return 0
        end
        local wait = tonumber(ARGV[4])
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        if oldest[2] ~= nil and tonumber(oldest[2]) <= now then
          wait = tonumber(oldest[2]) + window - now
        end
        if foreign > 0 then
          local ttl = redis.call('PTTL', KEYS[2])
          if ttl > 0 and ttl < wait then wait = ttl end
        end
        if wait < 1 then wait = 1 end
        return wait
        """;

    // ARGV = the member, window (ms), limit, the server's remaining count (-1: none), ms until the server's reset.
    private const string Release = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(ARGV[2])
        redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
        redis.call('PEXPIRE', KEYS[1], 2 * window)
        local remaining = tonumber(ARGV[4])
        if remaining >= 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
          local foreign = tonumber(ARGV[3]) - redis.call('ZCARD', KEYS[1]) - remaining
          if foreign > 0 then
            local ttl = math.min(tonumber(ARGV[5]), window)
            local current = tonumber(redis.call('GET', KEYS[2]) or '0')
            if foreign > current then
              local left = redis.call('PTTL', KEYS[2])
              if left > ttl then ttl = left end
              redis.call('SET', KEYS[2], math.min(foreign, tonumber(ARGV[3])), 'PX', ttl)
            end
          end
        end
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisAccountKeys _keys;
    private readonly string _instance = Guid.NewGuid().ToString("N");
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
            Acquire,
            Keys(budget),
            [budget.PermitLimit, OccupiedMilliseconds(budget), member, InFlightPollMilliseconds(budget)]).WaitAsync(cancellationToken).ConfigureAwait(false);
        var wait = (long)result;
        return wait <= 0 ? new SharedPermit(member, TimeSpan.Zero) : new SharedPermit(null, TimeSpan.FromMilliseconds(wait));
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(RateLimitBudget budget, string permitId, ServerRemaining? observed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentException.ThrowIfNullOrEmpty(permitId);
        await _redis.GetDatabase().ScriptEvaluateAsync(
            Release,
            Keys(budget),
            [
                permitId,
                OccupiedMilliseconds(budget),
                budget.PermitLimit,
                observed is { } seen ? Math.Max(0, seen.Remaining) : -1,
                observed is { } reset ? (long)Math.Ceiling(Math.Max(1, reset.ResetIn.TotalMilliseconds)) : 0,
            ]).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private RedisKey[] Keys(RateLimitBudget budget) => [_keys.RatePrefix + budget.Name, _keys.RatePrefix + budget.Name + ":foreign"];

    // How long a permit counts after its release: the window plus a margin for the rounding of Redis's clock to
    // milliseconds and the drift between its clock and the server's (0.5% of the window, at least 10 ms).
    private static long OccupiedMilliseconds(RateLimitBudget budget) =>
        (long)Math.Ceiling(budget.Window.TotalMilliseconds + Math.Max(10, budget.Window.TotalMilliseconds * 0.005));

    // With every permit in flight, the next one frees a window after some response comes back: look again soon
    // (1/100 of the window, between 5 ms and 1 s) rather than sleep through the moment.
    private static long InFlightPollMilliseconds(RateLimitBudget budget) =>
        (long)Math.Clamp(budget.Window.TotalMilliseconds / 100, 5, 1000);
}
