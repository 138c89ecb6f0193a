using ChatApis.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatApis.Auth.OAuth;

/// <summary>
/// Hands out a valid access token for ONE connected account and refreshes it safely: one refresh at
/// a time however many callers see an expired token; the store is re-read after taking the lock (a
/// sibling may have refreshed already); the rotated pair is saved to the store before anyone uses the
/// new access token; tokens are refreshed early, before they expire. One instance per account,
/// shared by every handler of that account's client (never per pooled handler).
/// </summary>
/// <remarks>
/// <para>
/// A rotated pair is never dropped. It is held in memory the moment the token endpoint returns it; when
/// the store then fails to save it (it throws, or takes longer than <see cref="SaveTimeout"/>) the call
/// still succeeds with the new access token, a warning is logged (never the tokens), and every later
/// call tries the save again until it succeeds (<see cref="HasUnsavedTokens"/>). Until then the pair in
/// memory is preferred over the store's stale one, unless the store comes to hold another pair (written
/// by a sibling process or by the user).
/// </para>
/// <para>
/// A refresh token the token endpoint rejected (<c>invalid_grant</c>) is remembered: until the store
/// holds a different one, calls fail at once with <see cref="ChatApiReauthorizationRequiredException"/>
/// instead of sending the dead token again.
/// </para>
/// </remarks>
public sealed partial class OAuthTokenManager
{
    private readonly ITokenStore _store;
    private readonly ITokenRefresher _refresher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _vendor;
    private readonly Lock _gate = new();
    private Task<OAuthTokens>? _inflight;

    // The refresh token the token endpoint rejected, the access token the server rejected with it (if
    // a 401 led to that refresh), and what the token endpoint answered. Guarded by _gate.
    private RejectedGrant? _rejected;

    private readonly ITokenRefreshLock? _refreshLock;

    /// <summary>Creates the manager.</summary>
    /// <param name="store">The account's token store.</param>
    /// <param name="refresher">The vendor's refresh grant.</param>
    /// <param name="vendor">The vendor name, for logs and errors.</param>
    /// <param name="refreshBeforeExpiry">How long before expiry to refresh (default 5 minutes).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Where to log (never tokens).</param>
    public OAuthTokenManager(ITokenStore store, ITokenRefresher refresher, string vendor, TimeSpan? refreshBeforeExpiry = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(refresher);
        ArgumentException.ThrowIfNullOrEmpty(vendor);
        _store = store;
        _refresher = refresher;
        _vendor = vendor;
        RefreshBeforeExpiry = refreshBeforeExpiry ?? TimeSpan.FromMinutes(5);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;

        // A store shared by several processes coordinates their refreshes itself (e.g. ChatApis.Redis).
        _refreshLock = store as ITokenRefreshLock;
    }

    /// <summary>How long before expiry a token is refreshed.</summary>
    public TimeSpan RefreshBeforeExpiry { get; }

    /// <summary>The account's token store.</summary>
    public ITokenStore Store => _store;

    /// <summary>Returns an access token that is not about to expire, refreshing first when needed.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait (not a refresh other callers share).</param>
    /// <returns>The access token.</returns>
    /// <exception cref="ChatApiReauthorizationRequiredException">There are no tokens, or the refresh token was rejected (now or earlier).</exception>
    /// <exception cref="ChatApiTokenStoreException">The store could not be read and no tokens are held in memory.</exception>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var tokens = await CurrentAsync(cancellationToken).ConfigureAwait(false) ?? throw NoTokens();

        // A refresh still running may already hold its new pair in memory, unsaved: join it, so nobody uses the new
        // access token before it is saved (or its save timed out). Checked after the read, since the read may have
        // returned that held pair.
        Task<OAuthTokens>? running;
        lock (_gate)
        {
            running = _inflight;
        }

        if (running is not null)
        {
            return (await running.WaitAsync(cancellationToken).ConfigureAwait(false)).AccessToken;
        }

        await RetryUnsavedAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var expiring = tokens.ExpiresWithin(now, RefreshBeforeExpiry);
        if (RejectedGrantFor(tokens) is { } rejected && (expiring || string.Equals(rejected.AccessToken, tokens.AccessToken, StringComparison.Ordinal)))
        {
            throw AlreadyRejected(rejected);
        }

        if (!expiring)
        {
            return tokens.AccessToken;
        }

        return (await RefreshCoreAsync(rejectedAccessToken: null, cancellationToken).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>
    /// Refreshes because <paramref name="rejectedAccessToken"/> is expired or was rejected (401). When
    /// the store already holds a different, fresh access token (a concurrent caller refreshed), that
    /// one is returned without another refresh.
    /// </summary>
    /// <param name="rejectedAccessToken">The access token the caller found unusable.</param>
    /// <param name="cancellationToken">Cancels this caller's wait only.</param>
    /// <returns>The current tokens.</returns>
    /// <exception cref="ChatApiReauthorizationRequiredException">There are no tokens or no refresh token, or the refresh token was rejected (now or earlier).</exception>
    /// <exception cref="ChatApiTokenStoreException">The store could not be read and no tokens are held in memory.</exception>
    public Task<OAuthTokens> RefreshAsync(string? rejectedAccessToken, CancellationToken cancellationToken = default) =>
        RefreshCoreAsync(rejectedAccessToken, cancellationToken);

    /// <summary>
    /// After the server rejected <paramref name="rejectedAccessToken"/> (401): why a refresh cannot help
    /// (no refresh token is stored, or it was rejected earlier), or <c>null</c> when a refresh, or a pair
    /// another caller already obtained, may. The caller then reports the server's own 401.
    /// </summary>
    internal async ValueTask<string?> WhyRefreshCannotHelpAsync(string rejectedAccessToken, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_inflight is not null)
            {
                return null;
            }
        }

        var current = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current is null || !string.Equals(current.AccessToken, rejectedAccessToken, StringComparison.Ordinal))
        {
            return null;
        }

        if (string.IsNullOrEmpty(current.RefreshToken))
        {
            return "The server rejected the access token and no refresh token is stored to renew it: the user must authorize the application again.";
        }

        lock (_gate)
        {
            if (_rejected is { } rejected && string.Equals(rejected.RefreshToken, current.RefreshToken, StringComparison.Ordinal))
            {
                // This access token is dead too: later calls fail before sending it.
                _rejected = rejected with { AccessToken = current.AccessToken };
                return "The server rejected the access token and the token endpoint already rejected the stored refresh token: the user must authorize the application again.";
            }
        }

        return null;
    }

    private async Task<OAuthTokens> RefreshCoreAsync(string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        Task<OAuthTokens> refresh;
        lock (_gate)
        {
            // Single flight: every caller that arrives while a refresh runs shares it. The shared work
            // is not tied to any one caller's cancellation, so one caller giving up cannot lose a
            // rotated refresh token the server already issued.
            refresh = _inflight ??= RunRefreshAsync(rejectedAccessToken);
        }

        return await refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<OAuthTokens> RunRefreshAsync(string? rejectedAccessToken)
    {
        await Task.Yield();
        try
        {
            // Double check: re-read after taking the single-flight slot.
            var current = await CurrentAsync(CancellationToken.None).ConfigureAwait(false) ?? throw NoTokens();
            var now = _time.GetUtcNow();
            var wasRejected = string.Equals(current.AccessToken, rejectedAccessToken, StringComparison.Ordinal);
            if (!wasRejected && !current.ExpiresWithin(now, RefreshBeforeExpiry))
            {
                return current;
            }

            if (RejectedGrantFor(current) is { } known)
            {
                throw AlreadyRejected(known);
            }

            // Across processes: take the account's lock, then look again; a sibling may have rotated already.
            await using var lease = _refreshLock is null ? null : await AcquireLeaseAsync(current).ConfigureAwait(false);
            if (_refreshLock is not null)
            {
                current = await CurrentAsync(CancellationToken.None).ConfigureAwait(false) ?? throw NoTokens();
                now = _time.GetUtcNow();
                wasRejected = string.Equals(current.AccessToken, rejectedAccessToken, StringComparison.Ordinal);
                if (lease is null || (!wasRejected && !current.ExpiresWithin(now, RefreshBeforeExpiry)))
                {
                    return current;
                }

                if (RejectedGrantFor(current) is { } rejected)
                {
                    throw AlreadyRejected(rejected);
                }
            }

            if (string.IsNullOrEmpty(current.RefreshToken))
            {
                var what = wasRejected ? "was rejected by the server" : current.ExpiresWithin(now, TimeSpan.Zero) ? "expired" : "is about to expire";
                throw new ChatApiReauthorizationRequiredException(
                    $"{_vendor}: the access token {what} and no refresh token is stored; the user must authorize the application again.",
                    ChatApiErrorDetails.None with { Vendor = _vendor });
            }

            OAuthTokens fresh;
            try
            {
                fresh = await _refresher.RefreshAsync(current.RefreshToken, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ChatApiReauthorizationRequiredException ex)
            {
                // A sibling process may have rotated the pair while we asked: use its tokens if so.
                var again = await CurrentAsync(CancellationToken.None).ConfigureAwait(false);
                if (again is not null && again.RefreshToken != current.RefreshToken && !again.ExpiresWithin(_time.GetUtcNow(), TimeSpan.Zero))
                {
                    return again;
                }

                // Remember the dead refresh token, so later calls do not send it again and again.
                lock (_gate)
                {
                    _rejected = new RejectedGrant(current.RefreshToken, wasRejected ? current.AccessToken : null, ex);
                }

                Count("reauthorization_required");
                Log.TokenRefreshFailed(_logger, _vendor, "the refresh token was rejected; re-authorization is required");
                throw;
            }

            if (fresh.TokenType is { } type && !string.Equals(type, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                Log.TokenTypeNotBearer(_logger, _vendor);
            }

            // The old refresh token is dead now: the new pair is held in memory first (it can no longer
            // be lost), then saved BEFORE anyone uses the new access token. A save that fails is retried
            // on later calls; the caller is not failed for it (see the remarks).
            Hold(fresh, replacing: current);
            await SaveAsync(fresh, waitForTurn: true, lease).ConfigureAwait(false);
            Count("success");
            Log.TokenRefreshed(_logger, _vendor, fresh.ExpiresAt ?? DateTimeOffset.MaxValue);
            return fresh;
        }
        catch (Exception ex) when (ex is not ChatApiReauthorizationRequiredException)
        {
            Count("error");
            Log.TokenRefreshFailed(_logger, _vendor, ex.GetType().Name);
            throw;
        }
        finally
        {
            lock (_gate)
            {
                _inflight = null;
            }
        }
    }

    // Waits for the account's cross-process lock; ends early (null) once the store shows another pair.
    private async ValueTask<ITokenRefreshLease?> AcquireLeaseAsync(OAuthTokens found)
    {
        try
        {
            return await _refreshLock!.AcquireAsync(
                async ct =>
                {
                    var stored = await _store.GetTokensAsync(ct).ConfigureAwait(false);
                    return stored is not null && !stored.SameTokensAs(found);
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (ChatApiTokenStoreException)
        {
            Log.TokenRefreshFailed(_logger, _vendor, "the refresh lock could not be taken; no refresh was attempted");
            throw;
        }
        catch (Exception ex)
        {
            Log.TokenRefreshFailed(_logger, _vendor, "the refresh lock could not be taken; no refresh was attempted");
            throw new ChatApiTokenStoreException(
                $"{_vendor}: the token refresh lock shared with the other instances could not be taken ({ex.GetType().Name}); no refresh was attempted.", _vendor, ex);
        }
    }

    private RejectedGrant? RejectedGrantFor(OAuthTokens tokens)
    {
        lock (_gate)
        {
            return _rejected is { } rejected && string.Equals(rejected.RefreshToken, tokens.RefreshToken, StringComparison.Ordinal) ? rejected : null;
        }
    }

    private ChatApiReauthorizationRequiredException AlreadyRejected(RejectedGrant rejected)
    {
        Log.RefreshSkippedRejectedGrant(_logger, _vendor);
        var first = rejected.Error;
        return new ChatApiReauthorizationRequiredException(
            $"{_vendor}: the token endpoint already rejected the stored refresh token ({first.ErrorCode ?? "rejected"}{(first.RequestId is null ? "" : $", request id {first.RequestId}")}); " +
            "nothing was sent. The user must authorize the application again (the client uses the store's next, different pair).",
            new ChatApiErrorDetails(first.StatusCode, first.ErrorCode, null, first.RequestId, null, null, first.Vendor ?? _vendor),
            first);
    }

    private ChatApiReauthorizationRequiredException NoTokens() =>
        new($"{_vendor}: no OAuth tokens are stored for this account; complete the authorization flow first.", ChatApiErrorDetails.None with { Vendor = _vendor });

    private void Count(string outcome) =>
        ChatApisTelemetry.TokenRefreshes.Add(1, new("chatapis.vendor", _vendor), new("chatapis.outcome", outcome));

    private sealed record RejectedGrant(string RefreshToken, string? AccessToken, ChatApiReauthorizationRequiredException Error)
    {
        public override string ToString() => "RejectedGrant { *** }";
    }
}
