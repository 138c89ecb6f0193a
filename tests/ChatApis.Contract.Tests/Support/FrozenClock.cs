namespace ChatApis.Contract.Tests.Support;

/// <summary>
/// A clock whose "now" never moves, so token expiry computed from <c>expires_in</c> is exact. Timers are
/// the system's (only <see cref="GetUtcNow"/> is overridden), so timeouts still work.
/// </summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Instant = new(2025, 1, 20, 15, 0, 0, TimeSpan.Zero);

    public FrozenClock()
        : this(Instant)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
