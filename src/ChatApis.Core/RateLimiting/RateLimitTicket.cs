using System.Threading.RateLimiting;
using ChatApis.Http;

namespace ChatApis.RateLimiting;

/// <summary>
/// The permits one request holds at a <see cref="RateLimitGate"/>: the general budget's, its endpoint budget's, and
/// their shared counterparts. They count as in flight until the ticket is released, then for a window from that
/// moment: release it when the response came back (with the response's rate-limit headers, so the gate learns
/// from them) or when the request was never sent. Releasing twice releases once.
/// </summary>
public sealed class RateLimitTicket : IDisposable
{
    private readonly RateLimitGate? _gate;
    private readonly string? _budget;
    private int _released;

    internal RateLimitTicket(RateLimitGate? gate, string? budget)
    {
        _gate = gate;
        _budget = budget;
    }

    /// <summary>The ticket of a gate without budgets: it holds nothing.</summary>
    internal static RateLimitTicket None { get; } = new(null, null);

    /// <summary>How long the request waited for its permits.</summary>
    public TimeSpan Waited { get; internal set; }

    internal RateLimitLease? General { get; set; }

    internal RateLimitLease? Specific { get; set; }

    internal string? SharedGeneral { get; set; }

    internal string? SharedSpecific { get; set; }

    /// <summary>
    /// The request came back: its permits count for a window from now, and the gate learns from the response's
    /// remaining count (the shared budget when this request drew from one, else the in-process one).
    /// </summary>
    /// <param name="observed">The response's rate-limit headers (their reset on this process's clock), or <c>null</c> when there was no response or none were sent.</param>
    public void Release(RateLimitInfo? observed)
    {
        if (_gate is null || Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        General?.Dispose();
        Specific?.Dispose();
        if (SharedGeneral is null)
        {
            // No shared count for this request (no shared budget, or it was unreachable): the in-process limiter
            // is this process's only view, so it learns here.
            _gate.ObserveServerBudget(observed);
        }

        if (SharedGeneral is not null || SharedSpecific is not null)
        {
            _gate.ReleaseShared(_budget, SharedSpecific, SharedGeneral, observed);
        }
    }

    /// <summary>
    /// Releases the ticket with a response's rate-limit headers. The server's reset time is taken relative to its
    /// own <c>Date</c> header when it sent one (so this process's clock need not agree with the server's; the
    /// second-rounded Date only makes the wait longer, never shorter), else read on this process's clock.
    /// </summary>
    internal void ReleaseWith(RateLimitInfo? observed, DateTimeOffset? serverNow)
    {
        if (_gate is null || Volatile.Read(ref _released) != 0)
        {
            return;
        }

        if (observed is { ResetAt: { } resetAt } && serverNow is { } serverDate)
        {
            observed = observed with { ResetAt = _gate.Now + (resetAt - serverDate) };
        }

        Release(observed);
    }

    /// <summary>Releases the ticket without a response to learn from (the request failed or was never sent).</summary>
    public void Dispose() => Release(null);
}
