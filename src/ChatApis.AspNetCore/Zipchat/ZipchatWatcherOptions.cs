using ChatApis.Zipchat;

namespace ChatApis.AspNetCore;

/// <summary>How a hosted Zipchat watcher (<see cref="InboundEventsBuilder.AddZipchatWatcher"/>) runs.</summary>
public sealed class ZipchatWatcherOptions
{
    /// <summary>The named client to watch with (<c>services.AddZipchatClient(name, ...)</c>); the default client when <c>null</c>.</summary>
    public string? ClientName { get; set; }

    /// <summary>The name the cursor is saved under and handlers see as <see cref="InboundEventContext.EndpointName"/> (default: <c>zipchat</c>, or <c>zipchat:&lt;client name&gt;</c>).</summary>
    public string? Name { get; set; }

    /// <summary>When no cursor is saved yet: how far back from now the first poll reports messages (0 to 30 days; default 0: only new ones).</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.Zero;

    /// <summary>The polling and budget settings.</summary>
    public ZipchatWatchOptions Watch { get; } = new();

    /// <summary>How often a message's handler is tried before the watcher moves on (1 to 100; default 5).</summary>
    public int MaxHandlerAttempts { get; set; } = 5;

    /// <summary>The wait before a handler's second attempt, doubling each time (0 to 10 minutes; default 5 s).</summary>
    public TimeSpan HandlerRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait before watching again after a poll failed, e.g. the API was unreachable (1 s to 1 hour; default 30 s).</summary>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal string EffectiveName => Name ?? (ClientName is { Length: > 0 } client ? $"zipchat:{client}" : "zipchat");

    internal void EnsureValid()
    {
        Watch.EnsureValid();
        Check(nameof(InitialLookback), InitialLookback >= TimeSpan.Zero && InitialLookback <= TimeSpan.FromDays(30), InitialLookback, "between 0 and 30 days");
        Check(nameof(MaxHandlerAttempts), MaxHandlerAttempts is >= 1 and <= 100, MaxHandlerAttempts, "between 1 and 100");
        Check(nameof(HandlerRetryDelay), HandlerRetryDelay >= TimeSpan.Zero && HandlerRetryDelay <= TimeSpan.FromMinutes(10), HandlerRetryDelay, "between 0 and 10 minutes");
        Check(nameof(RestartDelay), RestartDelay >= TimeSpan.FromSeconds(1) && RestartDelay <= TimeSpan.FromHours(1), RestartDelay, "between 1 second and 1 hour");
    }

    private static void Check(string name, bool valid, object value, string range)
    {
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {range} (was {value}).");
        }
    }
}
