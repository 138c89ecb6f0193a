using ChatApis.Auth.OAuth;
using ChatApis.Http;

namespace ChatApis.Core.Tests.Support;

/// <summary>A refresh grant against <see cref="CoreSimulator"/>'s token endpoint, the way a vendor package writes one.</summary>
internal sealed class TestRefresher(ChatApiPipeline pipeline, TimeProvider time) : ITokenRefresher
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public async Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        try
        {
            var response = await pipeline.RefreshTokenAsync(refreshToken, cancellationToken);
            var tokens = response.Value;
            return new OAuthTokens(tokens.AccessToken, tokens.RefreshToken, time.GetUtcNow().AddSeconds(tokens.ExpiresIn));
        }
        catch (ChatApiValidationException e) when (e.ErrorCode == "invalid_grant")
        {
            throw new ChatApiReauthorizationRequiredException("Test: the refresh token was rejected.", new ChatApiErrorDetails(e.StatusCode, e.ErrorCode, null, e.RequestId, null, null, "Test"), e);
        }
    }
}
