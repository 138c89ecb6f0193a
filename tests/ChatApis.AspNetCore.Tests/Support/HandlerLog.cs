using System.Collections.Concurrent;

namespace ChatApis.AspNetCore.Tests.Support;

/// <summary>Records every handler call (by event type) and can make calls fail or wait, per test.</summary>
public sealed class HandlerLog
{
    private readonly ConcurrentQueue<(Type Type, object Event, InboundEventContext Context, bool Succeeded)> _calls = new();
    private int _failuresLeft;

    /// <summary>When set, each call awaits it before returning (to hold a handler mid-run).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Signalled when a call starts.</summary>
    public SemaphoreSlim Started { get; } = new(0);

    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public IReadOnlyList<(Type Type, object Event, InboundEventContext Context, bool Succeeded)> Calls => [.. _calls];

    public IReadOnlyList<T> Succeeded<T>() => [.. _calls.Where(c => c.Succeeded && c.Type == typeof(T)).Select(c => (T)c.Event)];

    public int SucceededCount => _calls.Count(c => c.Succeeded);

    public int AttemptCount => _calls.Count;

    public InboundEventsBuilder Register<T>(InboundEventsBuilder builder) => builder.AddHandler<T>(RecordAsync);

    public async Task RecordAsync<T>(T inboundEvent, InboundEventContext context, CancellationToken cancellationToken)
    {
        Started.Release();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            _calls.Enqueue((typeof(T), inboundEvent!, context, false));
            throw new InvalidOperationException("The handler failed on purpose.");
        }

        _calls.Enqueue((typeof(T), inboundEvent!, context, true));
    }
}
