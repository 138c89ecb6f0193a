using ChatApis.Auth.OAuth;

namespace ChatApis.Redis.Tests.Support;

/// <summary>
/// A token endpoint that rotates like AssistLoop's: every refresh issues a new pair and kills the refresh token it
/// was given, so a second refresh with the same token is rejected (invalid_grant).
/// </summary>
public sealed class RotatingRefresher(string firstRefreshToken, TimeProvider time) : ITokenRefresher
{
    private readonly Lock _lock = new();
    private string _valid = firstRefreshToken;
    private int _issued;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public int Rejected { get; private set; }

    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);

        // The request is "on the wire" for a moment: other instances run meanwhile.
        await Task.Yield();
        lock (_lock)
        {
            if (!string.Equals(refreshToken, _valid, StringComparison.Ordinal))
            {
                Rejected++;
                throw new ChatApiReauthorizationRequiredException("invalid_grant: the refresh token was already used", ChatApiErrorDetails.None with { Vendor = "Test" });
            }

            _issued++;
            _valid = $"refresh-{_issued}";
            return new OAuthTokens($"access-{_issued}", _valid, time.GetUtcNow().AddHours(1), "read") { TokenType = "Bearer" };
        }
    }
}
