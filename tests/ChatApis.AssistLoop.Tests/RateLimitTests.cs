using ChatApis.AssistLoop;
using ChatApis.RateLimiting;
using ChatApis.Testing.AssistLoop;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.AssistLoop.Tests;

/// <summary>
/// The client's own budgets, as both AssistLoop documents state them: 60 requests per minute per connected
/// account, and 10 closes per minute on top. A burst over a budget waits at the client (no 429) and the
/// extra request goes out when the first one leaves the window, on the manual clock. The gate is the
/// account's (dependency injection registers one per account), so the test can see what is queued and
/// move the clock only then: nothing here depends on timing.
/// </summary>
public sealed class RateLimitTests : AssistLoopTestBase
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task Sixty_requests_go_out_in_a_minute_and_the_61st_waits_at_the_client_for_the_next(AssistLoopSurface surface)
    {
        await using var account = Account(surface);
        var general = account.Gate.Limiters[RateLimitBudget.General];
        Assert.Equal(60, general.PermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), general.Window);
        var start = Clock.GetUtcNow();

        var calls = Enumerable.Range(0, 61).Select(_ => account.Client.GetMeAsync(cancellationToken: Ct)).ToList();

        // Settled either way: 60 answered and one queued here, or (a budget over 60) every call ended.
        await WaitUntilAsync(() => calls.All(c => c.IsCompleted) || (calls.Count(c => c.IsCompletedSuccessfully) == 60 && Queued(general) == 1));
        Assert.Equal(1, Queued(general));
        Assert.Equal(60, calls.Count(c => c.IsCompletedSuccessfully));
        Assert.Equal(60, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal(start, r.ReceivedAt));

        // Still inside the first request's minute: nothing more goes out.
        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, Queued(general));
        Assert.Equal(60, Sim.Journal.Count);

        Clock.Advance(TimeSpan.FromSeconds(1));
        var all = await Task.WhenAll(calls).WaitAsync(Guard, Ct);
        Assert.All(all, me => Assert.Equal("usr_abc123", me.Value.Uuid));
        Assert.Equal(61, Sim.Journal.Where("GET", BasePath(surface) + "oauth/me").Count);
        Assert.Equal(start.AddMinutes(1), Sim.Journal.Last.ReceivedAt);
        Assert.Equal(0, Queued(general));
    }

    [Fact]
    public async Task Ten_closes_go_out_in_a_minute_and_the_11th_waits_at_the_client_for_the_next()
    {
        await using var account = Account(AssistLoopSurface.Zapier);
        var close = account.Gate.Limiters["close"];
        Assert.Equal(10, close.PermitLimit);
        Assert.Equal(TimeSpan.FromMinutes(1), close.Window);
        var start = Clock.GetUtcNow();
        var path = $"/api/v1/automation/conversations/{AssistLoopSimulator.ConversationUuid}/close";

        var calls = Enumerable.Range(0, 11).Select(_ => account.Client.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: Ct)).ToList();

        await WaitUntilAsync(() => calls.All(c => c.IsCompleted) || (calls.Count(c => c.IsCompletedSuccessfully) == 10 && Queued(close) == 1));
        Assert.Equal(1, Queued(close));
        Assert.Equal(10, calls.Count(c => c.IsCompletedSuccessfully));
        Assert.Equal(10, Sim.Journal.Where("POST", path).Count);

        // The general budget has room (11 of 60): only the close budget holds the 11th.
        Assert.Equal(0, Queued(account.Gate.Limiters[RateLimitBudget.General]));
        Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, Queued(close));
        Assert.Equal(10, Sim.Journal.Where("POST", path).Count);

        Clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(calls).WaitAsync(Guard, Ct);
        var closes = Sim.Journal.Where("POST", path);
        Assert.Equal(11, closes.Count);
        Assert.Equal(start.AddMinutes(1), closes[^1].ReceivedAt);
    }

    private static int Queued(SlidingWindowLogRateLimiter limiter) => (int)limiter.GetStatistics()!.CurrentQueuedCount;

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(Guard);
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, $"The condition was not met within {Guard}.");
            await Task.Delay(5, CancellationToken.None);
        }
    }

    private RegisteredAccount Account(AssistLoopSurface surface)
    {
        var template = Options(surface);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        services.AddAssistLoopClient(o =>
        {
            o.Surface = template.Surface;
            o.BaseAddress = template.BaseAddress;
            o.ClientId = template.ClientId;
            o.ClientSecret = template.ClientSecret;
            o.AccessToken = template.AccessToken;
            o.RefreshToken = template.RefreshToken;
            o.MaxRetries = 0;
            o.AttemptTimeout = TimeSpan.FromMinutes(5);
            o.TotalTimeout = TimeSpan.FromMinutes(10);
        });

        // One gate per connected account, registered under the account's HTTP client name.
        var gateKey = Assert.Single(services, d => d.ServiceType == typeof(RateLimitGate) && d.IsKeyedService).ServiceKey!;
        var provider = services.BuildServiceProvider(true);
        return new RegisteredAccount(provider, provider.GetRequiredService<AssistLoopClient>(), provider.GetRequiredKeyedService<RateLimitGate>(gateKey));
    }

    private sealed record RegisteredAccount(ServiceProvider Provider, AssistLoopClient Client, RateLimitGate Gate) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Provider.DisposeAsync();
    }
}
