using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Runs the endpoint and trickles its body out; see <see cref="Fault.SlowBody"/>.</summary>
public sealed record SlowBodyFault : Fault
{
    internal SlowBodyFault(TimeSpan perByte, TimeProvider? clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perByte, TimeSpan.Zero);
        PerByte = perByte;
        Clock = clock;
    }

    /// <summary>The pause between two body bytes.</summary>
    public TimeSpan PerByte { get; }

    /// <summary>The clock the pauses follow; <see langword="null"/> for real time.</summary>
    public TimeProvider? Clock { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        var body = await FaultIo.RunEndpointCapturedAsync(context, next).ConfigureAwait(false);
        context.Response.ContentLength = body.Length;
        try
        {
            await FaultIo.SendNowAsync(context, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
            for (var i = 0; i < body.Length; i++)
            {
                if (i > 0)
                {
                    // Real time unless a clock was given: the client's socket-level timeouts, which this
                    // exercises, follow no virtual clock.
                    await Task.Delay(PerByte, Clock ?? TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
                }

                await FaultIo.SendNowAsync(context, body.AsMemory(i, 1)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            context.Abort();
        }
    }
}
