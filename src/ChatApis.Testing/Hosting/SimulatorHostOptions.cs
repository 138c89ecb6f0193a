namespace ChatApis.Testing;

/// <summary>How a <see cref="SimulatorHost"/> is set up.</summary>
public sealed class SimulatorHostOptions
{
    /// <summary>The loopback port to listen on; <see langword="null"/> (the default) lets the OS pick a free one.</summary>
    public int? Port { get; set; }

    /// <summary>The clock for timestamps, rate limits and anything else time-based; <see cref="TimeProvider.System"/> when <see langword="null"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>A name for diagnostics; the simulator's type name when <see langword="null"/>.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// How long disposing waits for requests still being answered before it cuts their connections
    /// (2 seconds by default; <see cref="Timeout.InfiniteTimeSpan"/> waits for them). Requests held by a
    /// fault that waits for the client (<see cref="Fault.Hang"/>, <see cref="Fault.StallBody"/>) end as
    /// soon as disposing starts, whatever this is.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
