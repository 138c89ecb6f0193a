using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Waits, then lets the request through; see <see cref="Fault.Delay"/>.</summary>
public sealed record DelayFault : Fault
{
    internal DelayFault(TimeSpan duration, TimeProvider? clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Duration = duration;
        Clock = clock;
    }

    /// <summary>How long the request is held before the endpoint runs.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The clock the wait follows; <see langword="null"/> for real time.</summary>
    public TimeProvider? Clock { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await Task.Delay(Duration, Clock ?? TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up while waiting, so the endpoint must not run.
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
