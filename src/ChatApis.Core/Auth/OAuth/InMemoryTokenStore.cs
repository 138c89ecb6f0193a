namespace ChatApis.Auth.OAuth;

/// <summary>A thread-safe <see cref="ITokenStore"/> in process memory (tokens are lost when the process ends).</summary>
public sealed class InMemoryTokenStore : ITokenStore
{
    private volatile OAuthTokens? _tokens;

    /// <summary>Creates the store, optionally with initial tokens.</summary>
    /// <param name="initial">The tokens to start with.</param>
    public InMemoryTokenStore(OAuthTokens? initial = null) => _tokens = initial;

    /// <summary>How many times tokens were saved (useful in tests).</summary>
    public int SaveCount { get; private set; }

    /// <inheritdoc />
    public ValueTask<OAuthTokens?> GetTokensAsync(CancellationToken cancellationToken = default) => new(_tokens);

    /// <inheritdoc />
    public ValueTask SaveTokensAsync(OAuthTokens tokens, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        SaveCount++;
        return default;
    }
}
