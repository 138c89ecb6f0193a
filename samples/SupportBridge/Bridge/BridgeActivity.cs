using System.Collections.Concurrent;

namespace Samples.SupportBridge.Bridge;

/// <summary>What the bridge did, for the closing summary (and for the demo to know when the flow is complete).</summary>
public sealed class BridgeActivity
{
    private readonly ConcurrentQueue<string> _steps = new();
    private int _handoffs;
    private int _escalations;
    private int _confirmations;

    public int Handoffs => Volatile.Read(ref _handoffs);

    public int Escalations => Volatile.Read(ref _escalations);

    public int ChattingConfirmations => Volatile.Read(ref _confirmations);

    public IReadOnlyList<string> Steps => [.. _steps];

    public void Step(string what)
    {
        _steps.Enqueue(what);
        Console.WriteLine($"  - {what}");
    }

    public void HandoffDone() => Interlocked.Increment(ref _handoffs);

    public void EscalationDone() => Interlocked.Increment(ref _escalations);

    public void ConfirmationSeen() => Interlocked.Increment(ref _confirmations);
}
