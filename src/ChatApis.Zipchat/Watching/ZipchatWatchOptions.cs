namespace ChatApis.Zipchat;

/// <summary>How <see cref="ZipchatClient.WatchNewMessagesAsync"/> polls a chat.</summary>
public sealed class ZipchatWatchOptions
{
    /// <summary>The shortest wait between two polls (1 s to 1 h; default 10 s). Longer when the budget asks for it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Conversations per list page (1 to 100; default 100: the fewest requests).</summary>
    public int ConversationPageSize { get; set; } = ZipchatClient.MaxPageSize;

    /// <summary>Messages per conversation page (1 to 200; default 200: the fewest requests).</summary>
    public int MessagePageSize { get; set; } = ZipchatClient.MaxMessagePageSize;

    /// <summary>
    /// Requests of the 120-per-60-s budget left to the rest of the app (0 to 100; default 20): when the server's
    /// <c>X-RateLimit-Remaining</c> falls to this, the watch pauses until <c>X-RateLimit-Reset</c>.
    /// </summary>
    public int ReservedRequests { get; set; } = 20;

    /// <summary>
    /// The share of the budget the watch aims to use on average (0.05 to 1; default 0.5): after a poll of
    /// <c>n</c> requests it waits at least <c>n × 60 s / (120 × share)</c>, so a busy chat is polled less often.
    /// </summary>
    public double BudgetShare { get; set; } = 0.5;

    /// <summary>
    /// How far before the cursor each poll reads again (0 to 1 h; default 0), for a server whose message times can
    /// arrive out of order; messages read again are dropped by id. Zero trusts that a message becomes visible no
    /// later than messages created after it.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.Zero;

    /// <summary>Checks every setting against its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (the message names it and the range).</exception>
    public void EnsureValid()
    {
        Check(nameof(PollInterval), PollInterval >= TimeSpan.FromSeconds(1) && PollInterval <= TimeSpan.FromHours(1), PollInterval, "between 1 second and 1 hour");
        Check(nameof(ConversationPageSize), ConversationPageSize is >= 1 and <= ZipchatClient.MaxPageSize, ConversationPageSize, "between 1 and 100");
        Check(nameof(MessagePageSize), MessagePageSize is >= 1 and <= ZipchatClient.MaxMessagePageSize, MessagePageSize, "between 1 and 200");
        Check(nameof(ReservedRequests), ReservedRequests is >= 0 and <= 100, ReservedRequests, "between 0 and 100");
        Check(nameof(BudgetShare), BudgetShare is >= 0.05 and <= 1, BudgetShare, "between 0.05 and 1");
        Check(nameof(Overlap), Overlap >= TimeSpan.Zero && Overlap <= TimeSpan.FromHours(1), Overlap, "between 0 and 1 hour");
    }

    /// <summary>A copy, so a running watch is not changed by later edits of these options.</summary>
    /// <returns>The copy.</returns>
    internal ZipchatWatchOptions Copy() => (ZipchatWatchOptions)MemberwiseClone();

    private static void Check(string name, bool valid, object value, string range)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {range} (was {value}).");
        }
    }
}
