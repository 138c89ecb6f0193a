using ChatApis.Auth.OAuth;

namespace ChatApis.Reliability.Tests.OAuth;

/// <summary>
/// A token store with the faults a real one has: it throws on save or on read while told to, and a
/// save can hang (ignoring cancellation, as a stuck database call does) until the test lets it go.
/// </summary>
internal sealed class UnreliableTokenStore(OAuthTokens? initial) : ITokenStore
{
    private readonly Lock _gate = new();
    private OAuthTokens? _tokens = initial;
    private int _saveAttempts;

    public bool FailSaves { get; set; }

    public bool FailReads { get; set; }

    /// <summary>When set, every save waits for it.</summary>
    public TaskCompletionSource? SaveGate { get; set; }

    /// <summary>Completed when a save has stored its tokens.</summary>
    public TaskCompletionSource SaveFinished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SaveAttempts => Volatile.Read(ref _saveAttempts);

    public OAuthTokens? Held
    {
        get
        {
            lock (_gate)
            {
                return _tokens;
            }
        }
    }

    public ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default) =>
        FailReads ? ValueTask.FromException<OAuthTokens?>(new IOException("the token database is down")) : new(Held);

    public async ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saveAttempts);
        if (SaveGate is { } gate)
        {
            await gate.Task;
        }

        if (FailSaves)
        {
            throw new IOException("disk full");
        }

        lock (_gate)
        {
            _tokens = tokens;
        }

        SaveFinished.TrySetResult();
    }
}
