using ChatApis.Auth.OAuth;

namespace ChatApis.Core.Tests.Auth;

/// <summary>
/// A token store that can be told to fail: throw on save or on read, or hold a save (or a read) until
/// the test lets it go. It records every save attempt.
/// </summary>
internal sealed class FlakyTokenStore(OAuthTokens? initial) : ITokenStore
{
    private readonly Lock _gate = new();
    private OAuthTokens? _tokens = initial;

    public bool FailSaves { get; set; }

    public bool FailReads { get; set; }

    /// <summary>When set, a save waits for it (ignoring cancellation, as a stuck store does).</summary>
    public TaskCompletionSource? SaveGate { get; set; }

    /// <summary>When set, a read waits for it, ignoring cancellation.</summary>
    public TaskCompletionSource? ReadGate { get; set; }

    /// <summary>Completed when a save starts (the first one after it is set).</summary>
    public TaskCompletionSource SaveStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed when a save has stored its tokens.</summary>
    public TaskCompletionSource SaveFinished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int SaveAttempts { get; private set; }

    public int Saves { get; private set; }

    /// <summary>The tokens as the store holds them, without the fault settings.</summary>
    public OAuthTokens? Held
    {
        get
        {
            lock (_gate)
            {
                return _tokens;
            }
        }

        set
        {
            lock (_gate)
            {
                _tokens = value;
            }
        }
    }

    public async ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default)
    {
        if (ReadGate is { } gate)
        {
            await gate.Task;
        }

        if (FailReads)
        {
            throw new IOException("the token database is down");
        }

        return Held;
    }

    public async ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            SaveAttempts++;
        }

        SaveStarted.TrySetResult();
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
            Saves++;
        }

        SaveFinished.TrySetResult();
    }
}

/// <summary>
/// A token endpoint that rotates like AssistLoop's: each refresh issues access-N/refresh-N (valid one hour)
/// and only the latest refresh token works; any other is answered with invalid_grant.
/// </summary>
internal sealed class RotatingRefresher(TimeProvider time) : ITokenRefresher
{
    private readonly Lock _gate = new();
    private readonly List<string> _presented = [];
    private int _issued;

    public string ValidRefreshToken { get; set; } = "refresh-0";

    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return _presented.Count;
            }
        }
    }

    public IReadOnlyList<string> Presented
    {
        get
        {
            lock (_gate)
            {
                return [.. _presented];
            }
        }
    }

    public Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _presented.Add(refreshToken);
            if (refreshToken != ValidRefreshToken)
            {
                throw new ChatApiReauthorizationRequiredException(
                    "Test: the refresh token was rejected.",
                    new ChatApiErrorDetails(System.Net.HttpStatusCode.BadRequest, "invalid_grant", "The refresh token is invalid.", "req_rejected", Vendor: "Test"));
            }

            var n = ++_issued;
            ValidRefreshToken = $"refresh-{n}";
            return Task.FromResult(new OAuthTokens($"access-{n}", ValidRefreshToken, time.GetUtcNow().AddHours(1)) { TokenType = "Bearer" });
        }
    }
}
