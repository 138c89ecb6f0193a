using ChatApis.RateLimiting;
using ChatApis.Redis.Tests.Support;

namespace ChatApis.Redis.Tests;

public sealed class RedisRateLimiterTests(SharedRedis redis)
{
    [Fact]
    public async Task Instances_share_one_window_of_the_budget()
    {
        var account = SharedRedis.NewAccount();
        var budget = new RateLimitBudget(RateLimitBudget.General, 5, TimeSpan.FromMinutes(1));
        await using var otherConnection = await redis.Server.ConnectAsync();
        var instances = new[] { new RedisRateLimiter(redis.Connection, account), new RedisRateLimiter(otherConnection, account) };

        var permits = new List<SharedPermit>();
        for (var i = 0; i < 6; i++)
        {
            permits.Add(await instances[i % 2].TryAcquireAsync(budget, TestContext.Current.CancellationToken));
        }

        Assert.All(permits.Take(5), p => Assert.True(p.IsAcquired));
        Assert.Equal(5, permits.Take(5).Select(p => p.PermitId).Distinct().Count());
        Assert.False(permits[5].IsAcquired);

        // Every permit is in flight: one frees a window after its response, so the answer is "look again soon"
        // (a hundredth of the window).
        Assert.Equal(TimeSpan.FromMilliseconds(600), permits[5].RetryAfter);

        // Their responses came back: the first frees a window (plus 0.5%) from its release.
        for (var i = 0; i < 5; i++)
        {
            await instances[i % 2].ReleaseAsync(budget, permits[i].PermitId!, null, TestContext.Current.CancellationToken);
        }

        var refused = await instances[1].TryAcquireAsync(budget, TestContext.Current.CancellationToken);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(60.3));
    }

    [Fact]
    public async Task Budgets_and_accounts_are_separate()
    {
        var account = SharedRedis.NewAccount();
        var general = new RateLimitBudget(RateLimitBudget.General, 1, TimeSpan.FromMinutes(1));
        var close = new RateLimitBudget("close", 1, TimeSpan.FromMinutes(1));
        var limiter = new RedisRateLimiter(redis.Connection, account);

        Assert.True((await limiter.TryAcquireAsync(general, TestContext.Current.CancellationToken)).IsAcquired);
        Assert.True((await limiter.TryAcquireAsync(close, TestContext.Current.CancellationToken)).IsAcquired);
        Assert.True((await new RedisRateLimiter(redis.Connection, SharedRedis.NewAccount()).TryAcquireAsync(general, TestContext.Current.CancellationToken)).IsAcquired);
        Assert.True((await limiter.TryAcquireAsync(general, TestContext.Current.CancellationToken)).RetryAfter > TimeSpan.Zero);
        Assert.True((await limiter.TryAcquireAsync(close, TestContext.Current.CancellationToken)).RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task The_window_slides_a_permit_frees_when_its_grant_leaves_the_window()
    {
        var account = SharedRedis.NewAccount();
        var budget = new RateLimitBudget(RateLimitBudget.General, 2, TimeSpan.FromMilliseconds(400));
        var limiter = new RedisRateLimiter(redis.Connection, account);
        foreach (var permit in new[] { await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken), await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken) })
        {
            Assert.True(permit.IsAcquired);
            await limiter.ReleaseAsync(budget, permit.PermitId!, null, TestContext.Current.CancellationToken);
        }

        var refused = await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken);
        Assert.False(refused.IsAcquired);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(650));

        // Waiting what it said is enough (Redis's own clock decides).
        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(5), TestContext.Current.CancellationToken);
        Assert.True((await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task A_released_permit_counts_from_when_its_request_came_back()
    {
        var account = SharedRedis.NewAccount();
        var budget = new RateLimitBudget(RateLimitBudget.General, 1, TimeSpan.FromMilliseconds(600));
        var limiter = new RedisRateLimiter(redis.Connection, account);
        var permit = await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);

        await limiter.ReleaseAsync(budget, permit.PermitId!, null, TestContext.Current.CancellationToken);

        // Counted from the release: the window and its 10 ms margin from now (610 ms), not from the grant (310 ms).
        var refused = await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(610));
    }

    [Fact]
    public async Task A_permit_never_released_leaves_two_windows_after_its_grant()
    {
        // Its process died with the request in flight: the budget must not shrink for good.
        var account = SharedRedis.NewAccount();
        var budget = new RateLimitBudget(RateLimitBudget.General, 1, TimeSpan.FromMilliseconds(300));
        var limiter = new RedisRateLimiter(redis.Connection, account);
        Assert.True((await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken)).IsAcquired);
        await Task.Delay(400, TestContext.Current.CancellationToken);
        Assert.False((await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken)).IsAcquired);

        await Task.Delay(300, TestContext.Current.CancellationToken); // 700 ms: past 2 × (300 + 10) ms
        Assert.True((await limiter.TryAcquireAsync(budget, TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task Use_the_server_reports_beyond_the_shared_count_lowers_every_instances_limit_until_its_reset()
    {
        var account = SharedRedis.NewAccount();
        var budget = new RateLimitBudget(RateLimitBudget.General, 5, TimeSpan.FromMinutes(1));
        await using var otherConnection = await redis.Server.ConnectAsync();
        var first = new RedisRateLimiter(redis.Connection, account);
        var second = new RedisRateLimiter(otherConnection, account);
        var permit = await first.TryAcquireAsync(budget, TestContext.Current.CancellationToken);

        // One shared permit in the window, yet the server has 1 left: 3 requests were someone else's.
        await first.ReleaseAsync(budget, permit.PermitId!, new ServerRemaining(1, TimeSpan.FromMilliseconds(800)), TestContext.Current.CancellationToken);

        var next = await second.TryAcquireAsync(budget, TestContext.Current.CancellationToken);
        Assert.True(next.IsAcquired);
        var refused = await second.TryAcquireAsync(budget, TestContext.Current.CancellationToken);
        Assert.False(refused.IsAcquired);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(800));

        // The learned use ends with the server's window.
        await Task.Delay(refused.RetryAfter + TimeSpan.FromMilliseconds(20), TestContext.Current.CancellationToken);
        Assert.True((await first.TryAcquireAsync(budget, TestContext.Current.CancellationToken)).IsAcquired);

        // A report our own count explains changes nothing.
        await first.ReleaseAsync(budget, next.PermitId!, new ServerRemaining(3, TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken);
        Assert.True((await second.TryAcquireAsync(budget, TestContext.Current.CancellationToken)).IsAcquired);
    }

    [Fact]
    public async Task Two_gates_over_one_shared_budget_let_through_one_budget_not_two()
    {
        var account = SharedRedis.NewAccount();
        var budgets = new[] { new RateLimitBudget(RateLimitBudget.General, 4, TimeSpan.FromMinutes(1)) };
        await using var otherConnection = await redis.Server.ConnectAsync();
        using var first = new RateLimitGate(budgets, TimeProvider.System, new RedisRateLimiter(redis.Connection, account), null);
        using var second = new RateLimitGate(budgets, TimeProvider.System, new RedisRateLimiter(otherConnection, account), null);

        // Each gate alone would let 4 through at once; together only 4 go, the rest wait for the window.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var calls = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).WaitAsync(null, stop.Token).AsTask()).ToList();
        await Task.WhenAll(calls.Take(8).Where(c => c.IsCompleted));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (calls.Count(c => c.IsCompletedSuccessfully) < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(4, calls.Count(c => c.IsCompletedSuccessfully));
        stop.Cancel();
        await Task.WhenAll(calls.Select(c => c.ContinueWith(static _ => { }, TaskScheduler.Default)));
        Assert.Equal(4, calls.Count(c => c.IsCanceled));
    }

    [Fact]
    public async Task Without_Redis_a_gate_falls_back_to_its_own_limit_and_warns_once()
    {
        await using var server = await RedisServer.StartAsync();
        await using var connection = await server.ConnectAsync(TimeSpan.FromMilliseconds(300));
        var logs = new ListLogger();
        using var gate = new RateLimitGate([new RateLimitBudget(RateLimitBudget.General, 3, TimeSpan.FromMinutes(1))], TimeProvider.System, new RedisRateLimiter(connection, SharedRedis.NewAccount()), logs);
        await server.StopAsync();

        for (var i = 0; i < 3; i++)
        {
            await gate.WaitAsync(null, TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, gate.SharedBudgetFailures);
        var warning = Assert.Single(logs.Entries);
        Assert.Contains("in-process limit alone", warning, StringComparison.Ordinal);

        // The in-process limit still holds: the 4th waits for the window.
        using var shortWait = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        shortWait.CancelAfter(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.WaitAsync(null, shortWait.Token).AsTask());
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => logLevel >= Microsoft.Extensions.Logging.LogLevel.Warning;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add(formatter(state, exception));
            }
        }
    }
}
