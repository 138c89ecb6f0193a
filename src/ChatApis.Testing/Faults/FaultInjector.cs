namespace ChatApis.Testing;

/// <summary>
/// The fault rules of one simulator. Rules are checked in the order they were added and the first
/// one with a fault still pending wins; a request no rule claims goes through normally. Thread-safe:
/// concurrent requests each consume a different step.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>A snapshot of the rules, in the order they are checked.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_gate) { return _rules.ToArray(); } }
    }

    /// <summary>Adds a rule for requests with this method and path.</summary>
    /// <param name="method">The HTTP method, case-insensitive; <c>"*"</c> matches any.</param>
    /// <param name="path">The request path, matched exactly but case-insensitively; a trailing <c>"*"</c> makes it a prefix.</param>
    /// <returns>The new rule, to queue faults on.</returns>
    public FaultRule On(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rule = new FaultRule(method, path, _gate);
        lock (_gate) { _rules.Add(rule); }
        return rule;
    }

    /// <summary>Adds a rule for every request.</summary>
    /// <returns>The new rule, to queue faults on.</returns>
    public FaultRule OnAny() => On("*", "*");

    /// <summary>Removes every rule, so all requests go through normally.</summary>
    public void Clear()
    {
        lock (_gate) { _rules.Clear(); }
    }

    /// <summary>Chooses the fault for a request and consumes it, or returns <see langword="null"/>.</summary>
    internal Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.Matches(method, path) && rule.TakeLocked() is { } fault)
                {
                    return fault;
                }
            }
        }

        return null;
    }
}
