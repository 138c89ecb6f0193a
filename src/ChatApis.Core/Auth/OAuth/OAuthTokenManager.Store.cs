using ChatApis.Diagnostics;

namespace ChatApis.Auth.OAuth;

// The token manager's side of the token store: what it reads, what it holds in memory when the store
// fails, and the saves it keeps trying until the store holds the account's current pair.
public sealed partial class OAuthTokenManager
{
    // One save at a time, in order: the turn passes on only when the store's own task ends, so a slow
    // save that outlived our wait can never land after, and overwrite, a newer pair.
    private readonly SemaphoreSlim _saveTurn = new(1, 1);
    private readonly TimeSpan _saveTimeout = TimeSpan.FromSeconds(10);

    // Guarded by _gate. _current is the pair in use (last read from the store, or obtained from a
    // refresh or a code exchange): the one place that knows the current token values. _unsaved is a
    // pair the store does not hold yet; _superseded is the stored pair it replaced (while the store
    // still shows that one, or nothing, the unsaved pair wins).
    private OAuthTokens? _current;
    private OAuthTokens? _unsaved;
    private OAuthTokens? _superseded;
    private int _unsavedFailures;

    /// <summary>
    /// How long a save to the store is waited for before the client goes on with the new tokens from
    /// memory (default 10 seconds, measured on the manager's clock). The save itself is not abandoned:
    /// no other save starts until it ends, and a failed or late save is tried again on later calls.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan SaveTimeout
    {
        get => _saveTimeout;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _saveTimeout = value;
        }
    }

    /// <summary>
    /// The pair the client uses now: the one last read from the store, or obtained from a refresh or a
    /// code exchange (an unsaved one included); <c>null</c> before the first call. It is the one place
    /// that knows the current token values, e.g. for diagnostics that must hide them. Never log it.
    /// </summary>
    public OAuthTokens? CurrentTokens
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>
    /// Raised (outside any lock) when <see cref="CurrentTokens"/> takes other token values: read from the
    /// store, or obtained from a refresh or a code exchange. Diagnostics that must hide the tokens (a
    /// secret redactor) learn each new pair here, rotated ones included.
    /// </summary>
    internal event Action<OAuthTokens>? CurrentTokensChanged;

    /// <summary>
    /// Whether the client holds a pair (a rotated one, or one from a code exchange) that the store failed to
    /// save. The client uses it from memory and retries the save on every call; if the process ended now,
    /// the store's older pair would need re-authorization. <see cref="SaveUnsavedTokensAsync"/> retries at once.
    /// </summary>
    public bool HasUnsavedTokens
    {
        get
        {
            lock (_gate)
            {
                return _unsaved is not null;
            }
        }
    }

    /// <summary>Makes <paramref name="tokens"/> the account's current pair (after a code exchange): used from now on, and saved to the store.</summary>
    /// <param name="tokens">The new tokens.</param>
    /// <param name="cancellationToken">Cancels this caller's wait (the tokens are kept and the save goes on).</param>
    /// <returns><c>true</c> when the store saved them; <c>false</c> when they are held in memory and the save will be retried.</returns>
    public async Task<bool> SetTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        OAuthTokens? replacing;
        try
        {
            replacing = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChatApiTokenStoreException)
        {
            replacing = null;
        }

        Hold(tokens, replacing);
        return await SaveAsync(tokens, waitForTurn: true).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tries at once to save the pair the store failed to save (e.g. before the process ends).</summary>
    /// <param name="cancellationToken">Cancels this caller's wait (not the save).</param>
    /// <returns><c>true</c> when nothing is left unsaved.</returns>
    public async Task<bool> SaveUnsavedTokensAsync(CancellationToken cancellationToken = default)
    {
        OAuthTokens? unsaved;
        lock (_gate)
        {
            unsaved = _unsaved;
        }

        return unsaved is null
            || (await SaveAsync(unsaved, waitForTurn: true).WaitAsync(cancellationToken).ConfigureAwait(false) && !HasUnsavedTokens);
    }

    // The account's current pair: the store's, unless it still shows the pair an unsaved one replaced.
    // A store that throws is not the caller's failure while the client holds tokens of its own.
    private async ValueTask<OAuthTokens?> CurrentAsync(CancellationToken cancellationToken)
    {
        OAuthTokens? stored;
        try
        {
            var read = _store.GetTokensAsync(cancellationToken);

            // A store that ignores cancellation still cannot hold the caller past its own deadline.
            stored = read.IsCompletedSuccessfully ? read.Result : await read.AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            OAuthTokens? held;
            lock (_gate)
            {
                held = _unsaved ?? _current;
            }

            if (held is null)
            {
                throw new ChatApiTokenStoreException(
                    $"{_vendor}: the token store could not be read ({ex.GetType().Name}) and the client holds no tokens of its own; nothing was sent.", _vendor, ex);
            }

            Log.TokenStoreReadFailed(_logger, _vendor, ex.GetType().Name);
            return held;
        }

        var superseded = false;
        OAuthTokens? current;
        bool changed;
        lock (_gate)
        {
            if (_unsaved is not null && _unsaved.SameTokensAs(stored))
            {
                ClearUnsaved();
            }
            else if (_unsaved is not null && !(stored is null || stored.SameTokensAs(_superseded)))
            {
                // Someone else wrote another pair (a sibling's refresh, the user's re-authorization): theirs wins.
                ClearUnsaved();
                superseded = true;
            }

            current = _unsaved ?? stored;
            changed = SetCurrent(current);
        }

        if (superseded)
        {
            Log.UnsavedTokensSuperseded(_logger, _vendor);
        }

        if (changed)
        {
            CurrentTokensChanged?.Invoke(current!);
        }

        return current;
    }

    // Holds a new pair in memory before anything else happens to it: from here on it cannot be lost.
    private void Hold(OAuthTokens tokens, OAuthTokens? replacing)
    {
        bool changed;
        lock (_gate)
        {
            _superseded = _unsaved is null ? replacing : _superseded;
            _unsaved = tokens;
            _unsavedFailures = 0;
            changed = SetCurrent(tokens);
        }

        if (changed)
        {
            CurrentTokensChanged?.Invoke(tokens);
        }
    }

    // Under _gate. Returns whether the token values changed (a store that rebuilds the object on every
    // read does not count as a change).
    private bool SetCurrent(OAuthTokens? tokens)
    {
        var changed = tokens is not null && !tokens.SameTokensAs(_current);
        _current = tokens;
        return changed;
    }

    // Later calls try the save again, without waiting behind a save that is still running.
    private async ValueTask RetryUnsavedAsync(CancellationToken cancellationToken)
    {
        OAuthTokens? unsaved;
        lock (_gate)
        {
            unsaved = _unsaved;
        }

        if (unsaved is not null)
        {
            await SaveAsync(unsaved, waitForTurn: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Returns whether the store saved the pair. Never throws: a failure leaves the pair unsaved, logged.
    private async Task<bool> SaveAsync(OAuthTokens tokens, bool waitForTurn, ITokenRefreshLease? lease = null)
    {
        if (!_saveTurn.Wait(0))
        {
            if (!waitForTurn)
            {
                return false;
            }

            using var wait = new CancellationTokenSource(SaveTimeout, _time);
            try
            {
                await _saveTurn.WaitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                NoteSaveFailed(tokens, $"an earlier save still had no answer after {SaveTimeout}");
                return false;
            }
        }

        Task save;
        try
        {
            // Under a cross-process lease the write is fenced: refused once another instance may hold the lock.
            save = (lease is null ? _store.SaveTokensAsync(tokens, CancellationToken.None) : lease.SaveTokensAsync(tokens, CancellationToken.None)).AsTask();
        }
        catch (Exception ex)
        {
            save = Task.FromException(ex);
        }

        _ = save.ContinueWith(
            static (task, turn) =>
            {
                _ = task.Exception; // observed here when nobody waits for the save any more
                ((SemaphoreSlim)turn!).Release();
            },
            _saveTurn,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            await (save.IsCompleted ? save : save.WaitAsync(SaveTimeout, _time)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            NoteSaveFailed(tokens, save.IsCompleted ? ex.GetType().Name : $"no answer within {SaveTimeout}");
            return false;
        }

        bool wasRetried;
        lock (_gate)
        {
            wasRetried = _unsavedFailures > 0;
            if (tokens.SameTokensAs(_unsaved))
            {
                ClearUnsaved();
            }
        }

        if (wasRetried)
        {
            Log.UnsavedTokensSaved(_logger, _vendor);
        }

        return true;
    }

    private void NoteSaveFailed(OAuthTokens tokens, string reason)
    {
        int failures;
        lock (_gate)
        {
            failures = tokens.SameTokensAs(_unsaved) ? ++_unsavedFailures : 1;
        }

        // Once per pair at Warning: a broken store must not turn every call into a warning.
        if (failures == 1)
        {
            Log.TokenSaveFailed(_logger, _vendor, reason);
        }
        else
        {
            Log.TokenSaveStillFailing(_logger, _vendor, reason);
        }
    }

    private void ClearUnsaved()
    {
        _unsaved = null;
        _superseded = null;
        _unsavedFailures = 0;
    }
}
