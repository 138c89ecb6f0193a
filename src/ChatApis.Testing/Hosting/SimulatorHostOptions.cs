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

    /// <summary>
    /// Whether the simulator also answers <c>/_admin/faults</c>: <c>GET</c> lists the fault rules, <c>POST</c> adds
    /// one from a <see cref="FaultSpec"/> in the body (e.g. <c>503x2</c>), <c>DELETE</c> removes them all. Off by
    /// default (a test sets faults through <see cref="SimulatorHost.Faults"/>); the standalone simulator turns it on
    /// so faults can be asked for with curl. Admin requests are neither journaled nor subject to faults.
    /// </summary>
    public bool AdminEndpoints { get; set; }
}
