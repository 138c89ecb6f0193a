namespace ChatApis.AspNetCore;

/// <summary>What every inbound endpoint and watcher of the app shares (set with <c>services.AddChatApisInboundEvents(o => ...)</c>).</summary>
public sealed class InboundEventOptions
{
    /// <summary>
    /// How long a handled delivery is recognised, so a retry of it is acknowledged without running the handler
    /// again (1 minute to 30 days; default 24 hours: well past the vendors' retry schedules).
    /// </summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a delivery being handled keeps a concurrent copy of it waiting, should the handling instance die
    /// (1 second to 1 hour; default 5 minutes). Keep it above the slowest handler: a handler still running when
    /// its lease ends can be run a second time by a retry.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks the settings against their ranges.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named, with its range).</exception>
    public void EnsureValid()
    {
        if (DeduplicationWindow < TimeSpan.FromMinutes(1) || DeduplicationWindow > TimeSpan.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(DeduplicationWindow), DeduplicationWindow, "DeduplicationWindow must be between 1 minute and 30 days.");
        }

        if (ClaimLease < TimeSpan.FromSeconds(1) || ClaimLease > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ClaimLease), ClaimLease, "ClaimLease must be between 1 second and 1 hour.");
        }
    }
}
