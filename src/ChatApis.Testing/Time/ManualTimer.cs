namespace ChatApis.Testing;

/// <summary>
/// A timer of a <see cref="ManualTimeProvider"/>. Its scheduling fields belong to the provider and are
/// only touched under the provider's lock, so all timers of one clock move consistently.
/// </summary>
internal sealed class ManualTimer : ITimer
{
    private readonly ManualTimeProvider _owner;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;
    private volatile bool _disposed;

    internal ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state, ExecutionContext? context)
    {
        _owner = owner;
        _callback = callback;
        _state = state;
        _context = context;
    }

    internal DateTimeOffset DueAt { get; set; }

    internal TimeSpan? Period { get; set; }

    internal long Sequence { get; set; }

    internal bool Scheduled { get; set; }

    internal bool Disposed
    {
        get => _disposed;
        set => _disposed = value;
    }

    public bool Change(TimeSpan dueTime, TimeSpan period) => _owner.Change(this, dueTime, period);

    public void Dispose() => _owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Invoke()
    {
        // A timer disposed between being found due and being invoked (a batch on the thread pool)
        // stays silent, as a caller who disposed it expects.
        if (_disposed)
        {
            return;
        }

        if (_context is null)
        {
            _callback(_state);
        }
        else
        {
            ExecutionContext.Run(_context, static self => ((ManualTimer)self!)._callback(((ManualTimer)self)._state), this);
        }
    }
}
