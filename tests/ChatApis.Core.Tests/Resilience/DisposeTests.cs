using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApis.Core.Tests.Resilience;

/// <summary>
/// Disposing a pipeline (its client) while calls are in flight: a call waiting in a retry backoff ends at once
/// with ObjectDisposedException and sends no retry, a call already sending runs to its end, and later calls are
/// refused. The clock is manual and never moved, so nothing here can end by a timer.
/// </summary>
public class DisposeTests : SimulatorTest
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_call_waiting_in_a_retry_backoff_ends_at_once_with_ObjectDisposedException(bool rateLimited)
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503));
        var clock = new ManualTimeProvider();
        var logs = new CapturingLoggerProvider();
        var vendor = rateLimited ? TestVendor.Profile(new ChatApis.RateLimiting.RateLimitBudget(ChatApis.RateLimiting.RateLimitBudget.General, 100, TimeSpan.FromMinutes(1))) : TestVendor.Profile();
        var pipeline = TestVendor.Pipeline(Sim, o => { o.RetryBaseDelay = TimeSpan.FromSeconds(10); o.RetryMaxDelay = TimeSpan.FromSeconds(10); o.EnableRateLimiting = rateLimited; }, clock, logs.CreateLogger("test"), vendor);

        var call = pipeline.GetThingAsync(Ct);
        await WaitUntilAsync(() => logs.Lines.Any(l => l.Contains("retrying in", StringComparison.Ordinal)), "the retry was not scheduled");
        Assert.False(call.IsCompleted);

        pipeline.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => call.WaitAsync(HangGuard, Ct));
        Assert.Contains("disposed", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET thing", error.Message, StringComparison.Ordinal);
        Assert.Contains("not sent", error.Message, StringComparison.Ordinal);
        Assert.Equal(ManualTimeProvider.DefaultStart, clock.GetUtcNow());
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_call_already_sending_runs_to_its_end_and_later_calls_are_refused()
    {
        var held = new HoldingHandler();
        var pipeline = TestVendor.Pipeline(Sim, time: new ManualTimeProvider(), handlers: held);

        var call = pipeline.GetThingAsync(Ct);
        await held.Reached.WaitAsync(HangGuard, Ct);
        pipeline.Dispose();
        held.Release();

        var response = await call.WaitAsync(HangGuard, Ct);
        Assert.Equal("t1", response.Value.Id);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pipeline.GetThingAsync(Ct).WaitAsync(HangGuard, Ct));
        Assert.Equal(1, Sim.Journal.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(HangGuard);
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, $"Within {HangGuard}: {failure}.");
            await Task.Delay(5, CancellationToken.None);
        }
    }

    // Holds the first request before it is sent, until Release.
    private sealed class HoldingHandler : DelegatingHandler
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
