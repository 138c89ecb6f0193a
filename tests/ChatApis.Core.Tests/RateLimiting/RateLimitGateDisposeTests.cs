using ChatApis.RateLimiting;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.RateLimiting;

/// <summary>Disposing a gate ends its waiting requests at once, whichever budget they wait for.</summary>
public class RateLimitGateDisposeTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Waiters_on_the_general_and_on_an_endpoint_budget_end_with_ObjectDisposedException()
    {
        var clock = new ManualTimeProvider();
        var gate = new RateLimitGate([new(RateLimitBudget.General, 3, TimeSpan.FromMinutes(1)), new("close", 1, TimeSpan.FromMinutes(1))], clock);
        (await gate.WaitAsync("close", Ct)).Dispose();
        (await gate.WaitAsync(null, Ct)).Dispose();
        var onClose = gate.WaitAsync("close", Ct).AsTask();   // holds a general permit, waits for "close"
        var onGeneral = gate.WaitAsync(null, Ct).AsTask();     // the general budget is spent
        Assert.False(onClose.IsCompleted);
        Assert.False(onGeneral.IsCompleted);

        gate.Dispose();

        foreach (var waiter in new[] { onClose, onGeneral })
        {
            var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => waiter.WaitAsync(HangGuard, Ct));
            Assert.Contains("the request was not sent", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ManualTimeProvider.DefaultStart, clock.GetUtcNow());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => gate.WaitAsync(null, Ct).AsTask());
        gate.Dispose();
    }

    [Fact]
    public async Task Disposing_the_shared_unlimited_gate_changes_nothing()
    {
        RateLimitGate.Unlimited.Dispose();

        Assert.Equal(TimeSpan.Zero, (await RateLimitGate.Unlimited.WaitAsync(null, Ct)).Waited);
    }
}
