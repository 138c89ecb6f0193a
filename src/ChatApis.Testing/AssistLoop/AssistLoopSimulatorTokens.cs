namespace ChatApis.Testing.AssistLoop;

/// <summary>A token pair the <see cref="AssistLoopSimulator"/> issued.</summary>
/// <param name="AccessToken">The bearer access token.</param>
/// <param name="RefreshToken">The refresh token (rotated by every refresh).</param>
/// <param name="ExpiresAt">When the access token expires, by the simulator's clock.</param>
/// <param name="Scope">The granted scopes, space-separated.</param>
public sealed record AssistLoopSimulatorTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, string Scope)
{
    /// <summary>A description without the token values.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"AssistLoopSimulatorTokens {{ ExpiresAt = {ExpiresAt:O}, Scope = {Scope} }}";
}
