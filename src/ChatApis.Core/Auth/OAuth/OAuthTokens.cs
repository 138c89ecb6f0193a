namespace ChatApis.Auth.OAuth;

/// <summary>
/// An OAuth 2.0 token pair, as the token store keeps it. <see cref="ToString"/> never shows the tokens,
/// so logging this object cannot leak them.
/// </summary>
/// <param name="AccessToken">The bearer access token.</param>
/// <param name="RefreshToken">The refresh token (rotated by every refresh at vendors that rotate), if any.</param>
/// <param name="ExpiresAt">When the access token expires, if known.</param>
/// <param name="Scope">The granted scopes as sent on the wire, if known.</param>
public sealed record OAuthTokens(string AccessToken, string? RefreshToken, DateTimeOffset? ExpiresAt, string? Scope = null)
{
    /// <summary>
    /// The token endpoint's <c>token_type</c> as it was sent (AssistLoop documents it as always <c>Bearer</c>),
    /// or <c>null</c> when unknown (e.g. tokens given in options). Persist it with the pair.
    /// </summary>
    public string? TokenType { get; init; }

    /// <summary>A description without the token values.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"OAuthTokens {{ AccessToken = ***, RefreshToken = {(RefreshToken is null ? "none" : "***")}, ExpiresAt = {ExpiresAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, Scope = {Scope ?? "default"}, TokenType = {TokenType ?? "unknown"} }}";

    // Compared as a difference: "ExpiresAt - skew" would throw for a stored ExpiresAt near DateTimeOffset.MinValue.

    /// <summary>Whether the access token is expired, or expires within <paramref name="skew"/>, at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <param name="skew">How early to treat the token as expired.</param>
    /// <returns><c>true</c> when it should be refreshed.</returns>
    public bool ExpiresWithin(DateTimeOffset now, TimeSpan skew) => ExpiresAt is { } at && at - now <= skew;

    /// <summary>Whether <paramref name="other"/> holds the same token values (expiry, scope and type aside: a store may round them).</summary>
    internal bool SameTokensAs(OAuthTokens? other) =>
        other is not null
        && string.Equals(AccessToken, other.AccessToken, StringComparison.Ordinal)
        && string.Equals(RefreshToken, other.RefreshToken, StringComparison.Ordinal);
}
