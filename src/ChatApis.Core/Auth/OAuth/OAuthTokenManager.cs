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
public sealed class OAuthTokenManager
{
    private readonly ITokenStore _store;
    private readonly ITokenRefresher _refresher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _vendor;
    private readonly object _gate = new();
    private Task<OAuthTokens>? _inflight;

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
    }

    /// <summary>How long before expiry a token is refreshed.</summary>
    public TimeSpan RefreshBeforeExpiry { get; }

    /// <summary>The account's token store.</summary>
    public ITokenStore Store => _store;

    /// <summary>Returns an access token that is not about to expire, refreshing first when needed.</summary>
    /// <param name="cancellationToken">Cancels this caller's wait (not a refresh other callers share).</param>
    /// <returns>The access token.</returns>
    /// <exception cref="ChatApiReauthorizationRequiredException">There are no tokens, or the refresh token was rejected.</exception>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        var tokens = await _store.GetTokensAsync(cancellationToken).ConfigureAwait(false) ?? throw NoTokens();
        if (!tokens.ExpiresWithin(_time.GetUtcNow(), RefreshBeforeExpiry))
        {
            return tokens.AccessToken;
        }

        return (await RefreshAsync(tokens.AccessToken, cancellationToken).ConfigureAwait(false)).AccessToken;
    }

    /// <summary>
    /// Refreshes because <paramref name="rejectedAccessToken"/> is expired or was rejected (401). When
    /// the store already holds a different, fresh access token (a concurrent caller refreshed), that
    /// one is returned without another refresh.
    /// </summary>
    /// <param name="rejectedAccessToken">The access token the caller found unusable.</param>
    /// <param name="cancellationToken">Cancels this caller's wait only.</param>
    /// <returns>The current tokens.</returns>
    public async Task<OAuthTokens> RefreshAsync(string? rejectedAccessToken, CancellationToken cancellationToken = default)
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
            var current = await _store.GetTokensAsync(CancellationToken.None).ConfigureAwait(false) ?? throw NoTokens();
            if (current.AccessToken != rejectedAccessToken && !current.ExpiresWithin(_time.GetUtcNow(), RefreshBeforeExpiry))
            {
                return current;
            }

            if (string.IsNullOrEmpty(current.RefreshToken))
            {
                throw new ChatApiReauthorizationRequiredException(
                    $"{_vendor}: the access token expired and no refresh token is stored; the user must authorize the application again.",
                    ChatApiErrorDetails.None with { Vendor = _vendor });
            }

            OAuthTokens fresh;
            try
            {
                fresh = await _refresher.RefreshAsync(current.RefreshToken, CancellationToken.None).ConfigureAwait(false);
            }
            catch (ChatApiReauthorizationRequiredException)
            {
                // A sibling process may have rotated the pair while we asked: use its tokens if so.
                var again = await _store.GetTokensAsync(CancellationToken.None).ConfigureAwait(false);
                if (again is not null && again.RefreshToken != current.RefreshToken && !again.ExpiresWithin(_time.GetUtcNow(), TimeSpan.Zero))
                {
                    return again;
                }

                Count("reauthorization_required");
                Log.TokenRefreshFailed(_logger, _vendor, "the refresh token was rejected; re-authorization is required");
                throw;
            }

            // Save BEFORE anyone uses the new access token: the old refresh token is now dead.
            await _store.SaveTokensAsync(fresh, CancellationToken.None).ConfigureAwait(false);
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

    private ChatApiReauthorizationRequiredException NoTokens() =>
        new($"{_vendor}: no OAuth tokens are stored for this account; complete the authorization flow first.", ChatApiErrorDetails.None with { Vendor = _vendor });

    private void Count(string outcome) =>
        ChatApisTelemetry.TokenRefreshes.Add(1, new("vendor", _vendor), new("outcome", outcome));
}
