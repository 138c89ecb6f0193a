namespace ChatApis.Testing;

/// <summary>
/// Which requests get which faults, in what order: a queue of steps, each a fault and how many
/// matching requests it applies to. Each matching request takes one from the step at the head; once
/// the queue is empty the rule stops matching and requests go through normally.
/// </summary>
/// <example>
/// <code>
/// sim.Faults.On("POST", "/v1/messages").Once(Fault.Status(503)).Then(Fault.DropResponseAfterProcessing());
/// </code>
/// </example>
public sealed class FaultRule
{
    private readonly Lock _gate;
    private readonly Queue<Step> _steps = new();
    private int _triggered;
    private bool _endless;

    internal FaultRule(string method, string path, Lock gate)
    {
        Method = method;
        Path = path;
        _gate = gate;
    }

    /// <summary>The method this rule matches, or <c>"*"</c> for any.</summary>
    public string Method { get; }

    /// <summary>The path this rule matches (case-insensitive; a trailing <c>"*"</c> makes it a prefix).</summary>
    public string Path { get; }

    /// <summary>How many requests this rule has intercepted.</summary>
    public int Triggered
    {
        get { lock (_gate) { return _triggered; } }
    }

    /// <summary>Whether the rule still has a fault to apply.</summary>
    public bool HasPending
    {
        get { lock (_gate) { return _steps.Count > 0; } }
    }

    /// <summary>Queues <paramref name="fault"/> for the next one matching request.</summary>
    /// <param name="fault">The fault to apply.</param>
    /// <returns>This rule, to queue more.</returns>
    public FaultRule Once(Fault fault) => Times(1, fault);

    /// <summary>Queues <paramref name="fault"/> for one more matching request, after the faults already queued.</summary>
    /// <param name="fault">The fault to apply.</param>
    /// <returns>This rule, to queue more.</returns>
    public FaultRule Then(Fault fault) => Times(1, fault);

    /// <summary>Queues <paramref name="fault"/> for the next <paramref name="count"/> matching requests.</summary>
    /// <param name="count">How many requests; at least 1.</param>
    /// <param name="fault">The fault to apply.</param>
    /// <returns>This rule, to queue more.</returns>
    public FaultRule Times(int count, Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Enqueue(new Step(fault, count));
    }

    /// <summary>Applies <paramref name="fault"/> to every matching request from now on, after the faults already queued.</summary>
    /// <param name="fault">The fault to apply.</param>
    /// <returns>This rule.</returns>
    public FaultRule Always(Fault fault) => Enqueue(new Step(fault, remaining: null));

    internal bool Matches(string method, string path) => RequestPaths.Matches(Method, Path, method, path);

    /// <summary>Takes the next fault; the caller holds the injector's lock.</summary>
    internal Fault? TakeLocked()
    {
        if (!_steps.TryPeek(out var head))
        {
            return null;
        }

        if (head.Remaining is { } remaining)
        {
            if (remaining == 1)
            {
                _steps.Dequeue();
            }
            else
            {
                head.Remaining = remaining - 1;
            }
        }

        _triggered++;
        return head.Fault;
    }

    private FaultRule Enqueue(Step step)
    {
        ArgumentNullException.ThrowIfNull(step.Fault);
        lock (_gate)
        {
            // A step after Always could never be reached; saying so beats a test that silently checks nothing.
            if (_endless)
            {
                throw new InvalidOperationException("This rule already applies a fault Always; nothing queued after it would ever run.");
            }

            _endless = step.Remaining is null;
            _steps.Enqueue(step);
        }

        return this;
    }

    private sealed class Step(Fault fault, int? remaining)
    {
        public Fault Fault { get; } = fault;

        public int? Remaining { get; set; } = remaining;
    }
}
