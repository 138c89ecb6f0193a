using ChatApis.Auth.OAuth;
using ChatApis.Core.Tests.Support;
using ChatApis.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApis.Core.Tests.Auth;

/// <summary>
/// The token manager when its store fails or stalls, and after the token endpoint rejected the refresh
/// token: a rotated pair is never lost, and a dead refresh token is never sent twice.
/// </summary>
public class TokenManagerResilienceTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly ManualTimeProvider _clock = new();
    private readonly CapturingLoggerProvider _logs = new();

    private OAuthTokens ExpiredPair() => new("access-0", "refresh-0", _clock.GetUtcNow().AddMinutes(-1));

    private (OAuthTokenManager Manager, RotatingRefresher Refresher) Manager(ITokenStore store, TimeProvider? clock = null)
    {
        var refresher = new RotatingRefresher(_clock);
        var logger = LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger("ChatApis.Test");
        return (new OAuthTokenManager(store, refresher, "Test", timeProvider: clock ?? _clock, logger: logger), refresher);
    }

    private static Task<string> AccessTokenAsync(OAuthTokenManager manager) => AccessTokenUntilAsync(manager, TestContext.Current.CancellationToken);

    private static Task<string> AccessTokenUntilAsync(OAuthTokenManager manager, CancellationToken cancellationToken) =>
        manager.GetAccessTokenAsync(cancellationToken).AsTask().WaitAsync(Bound, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_store_that_fails_to_save_the_rotated_pair_does_not_fail_the_call_and_the_pair_stays_in_use()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { FailSaves = true };
        var (manager, refresher) = Manager(store);

        var first = await AccessTokenAsync(manager);
        var second = await AccessTokenAsync(manager);

        Assert.Equal("access-1", first);
        Assert.Equal("access-1", second);
        Assert.Equal(["refresh-0"], refresher.Presented);
        Assert.True(manager.HasUnsavedTokens);
        Assert.Equal(new OAuthTokens("access-1", "refresh-1", _clock.GetUtcNow().AddHours(1)) { TokenType = "Bearer" }, manager.CurrentTokens);
        Assert.Equal("refresh-0", store.Held!.RefreshToken);
        Assert.Equal(2, store.SaveAttempts); // the refresh's save, then one retry by the next call
        Assert.Equal(0, store.Saves);
    }

    [Fact]
    public async Task The_unsaved_pair_is_saved_by_a_later_call_once_the_store_works_again()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { FailSaves = true };
        var (manager, refresher) = Manager(store);
        await AccessTokenAsync(manager);

        store.FailSaves = false;
        var token = await AccessTokenAsync(manager);

        Assert.Equal("access-1", token);
        Assert.False(manager.HasUnsavedTokens);
        Assert.Equal(1, store.Saves);
        Assert.Equal(("access-1", "refresh-1"), (store.Held!.AccessToken, store.Held.RefreshToken));
        Assert.Equal("Bearer", store.Held.TokenType);
        Assert.Equal(1, refresher.Calls);
    }

    [Fact]
    public async Task A_failed_save_is_one_warning_that_names_the_failure_and_no_token()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { FailSaves = true };
        var (manager, _) = Manager(store);

        for (var i = 0; i < 3; i++)
        {
            await AccessTokenAsync(manager);
        }

        store.FailSaves = false;
        await AccessTokenAsync(manager);

        var warnings = _logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("could not save the rotated OAuth tokens", warning, StringComparison.Ordinal);
        Assert.Contains("IOException", warning, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("saved the OAuth tokens that were waiting", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("access-", StringComparison.Ordinal) || l.Contains("refresh-", StringComparison.Ordinal) || l.Contains("disk full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_unsaved_pair_expires_the_next_refresh_presents_its_refresh_token_not_the_stores_dead_one()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { FailSaves = true };
        var (manager, refresher) = Manager(store);
        await AccessTokenAsync(manager);

        _clock.Advance(TimeSpan.FromHours(2));
        var token = await AccessTokenAsync(manager);

        Assert.Equal("access-2", token);
        Assert.Equal(["refresh-0", "refresh-1"], refresher.Presented);
        Assert.True(manager.HasUnsavedTokens);
    }

    [Fact]
    public async Task A_different_pair_written_to_the_store_meanwhile_wins_over_the_unsaved_one()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { FailSaves = true };
        var (manager, _) = Manager(store);
        await AccessTokenAsync(manager);

        // A sibling process (or the user re-authorizing) stores another pair.
        store.Held = new OAuthTokens("access-sibling", "refresh-sibling", _clock.GetUtcNow().AddHours(1));
        var token = await AccessTokenAsync(manager);

        Assert.Equal("access-sibling", token);
        Assert.False(manager.HasUnsavedTokens);
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_falls_back_to_the_tokens_the_manager_holds()
    {
        var store = new FlakyTokenStore(new OAuthTokens("access-0", "refresh-0", _clock.GetUtcNow().AddHours(1)));
        var (manager, refresher) = Manager(store);
        await AccessTokenAsync(manager);

        store.FailReads = true;
        var token = await AccessTokenAsync(manager);

        Assert.Equal("access-0", token);
        Assert.Equal(0, refresher.Calls);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("could not read the token store (IOException)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_with_nothing_held_is_a_typed_error_carrying_the_store_failure()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { FailReads = true };
        var (manager, refresher) = Manager(store);

        var error = await Assert.ThrowsAsync<ChatApiTokenStoreException>(() => AccessTokenAsync(manager));

        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal("Test", error.Vendor);
        Assert.Null(error.StatusCode);
        Assert.Contains("token store could not be read (IOException)", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, refresher.Calls);
    }

    [Fact]
    public async Task A_slow_save_is_waited_for_before_the_new_token_is_handed_out()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { SaveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var (manager, _) = Manager(store);

        var call = AccessTokenAsync(manager);
        await store.SaveStarted.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.False(call.IsCompleted);

        store.SaveGate.SetResult();
        Assert.Equal("access-1", await call);
        Assert.False(manager.HasUnsavedTokens);
        Assert.Equal("refresh-1", store.Held!.RefreshToken);
    }

    [Fact]
    public async Task A_save_that_never_answers_holds_the_call_for_at_most_the_save_timeout_and_is_completed_later()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { SaveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var clock = new TimerWatchingClock(_clock, TimeSpan.FromSeconds(10));
        var (manager, refresher) = Manager(store, clock);
        Assert.Equal(TimeSpan.FromSeconds(10), manager.SaveTimeout);

        var call = AccessTokenAsync(manager);
        await clock.Created.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.False(call.IsCompleted);
        _clock.Advance(manager.SaveTimeout);

        Assert.Equal("access-1", await call);
        Assert.True(manager.HasUnsavedTokens);

        // Later calls neither wait behind the stuck save nor start a second one alongside it.
        Assert.Equal("access-1", await AccessTokenAsync(manager));
        Assert.Equal(1, store.SaveAttempts);

        // The stuck save ends; the store now holds the pair and the manager sees it there.
        store.SaveGate.SetResult();
        await store.SaveFinished.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
        Assert.Equal("access-1", await AccessTokenAsync(manager));
        Assert.False(manager.HasUnsavedTokens);
        Assert.Equal("refresh-1", store.Held!.RefreshToken);
        Assert.Equal(1, refresher.Calls);
    }

    [Fact]
    public async Task A_caller_arriving_while_the_new_pair_awaits_its_save_waits_for_that_save_too()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { SaveGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var clock = new TimerWatchingClock(_clock, TimeSpan.FromSeconds(10));
        var (manager, refresher) = Manager(store, clock);
        var first = AccessTokenAsync(manager);
        await clock.Created.Task.WaitAsync(Bound, TestContext.Current.CancellationToken); // the new pair is held, its save started

        // The store still shows the old pair and memory holds the new one: the late caller must not use it yet.
        var late = AccessTokenAsync(manager);
        Assert.False(late.IsCompleted);
        Assert.False(first.IsCompleted);

        store.SaveGate.SetResult();
        Assert.Equal("access-1", await first);
        Assert.Equal("access-1", await late);
        Assert.Equal(1, store.SaveAttempts);
        Assert.Equal(1, refresher.Calls);
    }

    [Fact]
    public async Task A_store_read_that_never_answers_does_not_hold_the_caller_past_its_cancellation()
    {
        var store = new FlakyTokenStore(ExpiredPair()) { ReadGate = new TaskCompletionSource() };
        var (manager, _) = Manager(store);
        using var caller = new CancellationTokenSource();

        var call = AccessTokenUntilAsync(manager, caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task After_invalid_grant_ten_more_calls_fail_fast_without_presenting_the_dead_refresh_token_again()
    {
        var store = new FlakyTokenStore(ExpiredPair());
        var (manager, refresher) = Manager(store);
        refresher.ValidRefreshToken = "refresh-other";

        var first = await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => AccessTokenAsync(manager));
        var later = new List<ChatApiReauthorizationRequiredException>();
        for (var i = 0; i < 10; i++)
        {
            later.Add(await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => AccessTokenAsync(manager)));
        }

        Assert.Equal("invalid_grant", first.ErrorCode);
        Assert.Equal(["refresh-0"], refresher.Presented);
        Assert.All(later, e =>
        {
            Assert.Equal("invalid_grant", e.ErrorCode);
            Assert.Equal("req_rejected", e.RequestId);
            Assert.Equal("Test", e.Vendor);
            Assert.Contains("already rejected the stored refresh token", e.Message, StringComparison.Ordinal);
            Assert.Contains("nothing was sent", e.Message, StringComparison.Ordinal);
            Assert.Same(first, e.InnerException);
        });
        Assert.Equal(0, store.SaveAttempts);
    }

    [Fact]
    public async Task After_invalid_grant_a_different_pair_in_the_store_is_used_at_once()
    {
        var store = new FlakyTokenStore(ExpiredPair());
        var (manager, refresher) = Manager(store);
        refresher.ValidRefreshToken = "refresh-reauthorized";
        await Assert.ThrowsAsync<ChatApiReauthorizationRequiredException>(() => AccessTokenAsync(manager));

        // The user authorized again elsewhere: an expired pair with a working refresh token.
        store.Held = new OAuthTokens("access-old", "refresh-reauthorized", _clock.GetUtcNow().AddMinutes(-1));
        var token = await AccessTokenAsync(manager);

        Assert.Equal("access-1", token);
        Assert.Equal(["refresh-0", "refresh-reauthorized"], refresher.Presented);
    }

    [Fact]
    public async Task A_stored_expiry_at_the_earliest_representable_instant_reads_as_expired_instead_of_throwing()
    {
        var store = new FlakyTokenStore(new OAuthTokens("access-0", "refresh-0", DateTimeOffset.MinValue));
        var (manager, refresher) = Manager(store);

        Assert.Equal("access-1", await AccessTokenAsync(manager));
        Assert.Equal(1, refresher.Calls);
    }

    [Fact]
    public async Task Each_new_pair_is_announced_once_so_diagnostics_can_hide_its_values()
    {
        var store = new FlakyTokenStore(ExpiredPair());
        var (manager, _) = Manager(store);
        var announced = new List<string>();
        manager.CurrentTokensChanged += t => announced.Add($"{t.AccessToken}/{t.RefreshToken}");

        await AccessTokenAsync(manager);
        await AccessTokenAsync(manager);
        store.Held = store.Held! with { }; // the same values in a new object, as a store that deserializes returns
        await AccessTokenAsync(manager);

        Assert.Equal(["access-0/refresh-0", "access-1/refresh-1"], announced);
        Assert.Equal("access-1", manager.CurrentTokens!.AccessToken);
    }

    [Fact]
    public async Task Tokens_from_a_code_exchange_that_the_store_fails_to_save_are_used_and_saved_later()
    {
        var store = new FlakyTokenStore(null) { FailSaves = true };
        var (manager, _) = Manager(store);
        var exchanged = new OAuthTokens("access-exchanged", "refresh-exchanged", _clock.GetUtcNow().AddHours(1)) { TokenType = "Bearer" };

        var saved = await manager.SetTokensAsync(exchanged, TestContext.Current.CancellationToken);

        Assert.False(saved);
        Assert.Equal("access-exchanged", await AccessTokenAsync(manager));
        store.FailSaves = false;
        Assert.True(await manager.SaveUnsavedTokensAsync(TestContext.Current.CancellationToken));
        Assert.Same(exchanged, store.Held);
        Assert.False(manager.HasUnsavedTokens);
    }
}
