using ChatApis.Auth.OAuth;
using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

/// <summary>
/// Settings of an <see cref="AssistLoopClient"/>: the surface, the OAuth client credentials, where the
/// connected account's tokens come from, plus the shared retry and timeout settings.
/// </summary>
/// <remarks>
/// <para>
/// A token source is required: <see cref="AccessToken"/> (optionally with <see cref="RefreshToken"/> and
/// <see cref="AccessTokenExpiresAt"/>, which seed an in-memory store), or your own <see cref="TokenStore"/>
/// (which takes precedence; to start the authorization flow from nothing, pass an empty store such as
/// <c>new InMemoryTokenStore()</c>). <see cref="ClientId"/> and <see cref="ClientSecret"/> are required
/// whenever a refresh or a code exchange can happen.
/// </para>
/// <para>
/// <see cref="ChatApiClientOptions.BaseAddress"/> is the API base INCLUDING the surface path; when
/// <c>null</c> it is <c>https://api.assistloop.ai/api/v1/</c> (Zapier) or <c>https://api.assistloop.ai/v1/</c> (Make).
/// The token endpoint is always <c>/oauth/token</c> on the same host.
/// </para>
/// </remarks>
public sealed class AssistLoopClientOptions : ChatApiClientOptions, IOAuthClientOptions
{
    /// <summary>The configuration section conventionally used: <c>ChatApis:AssistLoop</c>.</summary>
    public const string DefaultSectionName = "ChatApis:AssistLoop";

    /// <summary>The integration surface (default <see cref="AssistLoopSurface.Zapier"/>); it also decides the <c>platform</c> value the client sends.</summary>
    public AssistLoopSurface Surface { get; set; } = AssistLoopSurface.Zapier;

    /// <summary>The OAuth client id from the AssistLoop dashboard (needed for authorize, code exchange and refresh).</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret from the AssistLoop dashboard (needed for code exchange and refresh); never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The connected account's access token, when no <see cref="TokenStore"/> is given; never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The connected account's refresh token, when no <see cref="TokenStore"/> is given; never logged. AssistLoop rotates it on every refresh.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>When <see cref="AccessToken"/> expires, if known (it is then refreshed a little before).</summary>
    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    /// <summary>
    /// Your persistence for the account's tokens; takes precedence over <see cref="AccessToken"/> and
    /// <see cref="RefreshToken"/>. Rotated refresh tokens are saved here before the new access token is used.
    /// </summary>
    public ITokenStore? TokenStore { get; set; }

    /// <summary>The redirect URI registered for the OAuth client, used by the authorize request and the code exchange when the call gives none.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The scopes to request when refreshing; <c>null</c> (the default) keeps the original grant's scopes.</summary>
    public AssistLoopScopes? RefreshScopes { get; set; }

    /// <summary>How long before expiry the access token is refreshed (default 5 minutes).</summary>
    public TimeSpan RefreshBeforeExpiry { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override IEnumerable<string?> Credentials() => [ClientSecret, AccessToken, RefreshToken];

    /// <inheritdoc />
    public override IEnumerable<string> Validate()
    {
        foreach (var problem in base.Validate())
        {
            yield return problem;
        }

        if (!Enum.IsDefined(Surface))
        {
            yield return $"{nameof(Surface)} must be {nameof(AssistLoopSurface.Zapier)} or {nameof(AssistLoopSurface.Make)} (was {(int)Surface}).";
        }

        var hasAccess = !string.IsNullOrWhiteSpace(AccessToken);
        var hasRefresh = !string.IsNullOrWhiteSpace(RefreshToken);
        if (TokenStore is null && !hasAccess && !hasRefresh)
        {
            yield return $"A token source is required: set {nameof(AccessToken)}, {nameof(RefreshToken)} (with {nameof(ClientId)} and {nameof(ClientSecret)}) or {nameof(TokenStore)}.";
        }

        // A stored pair can always be refreshed, so the client credentials must be there to do it.
        var canRefresh = TokenStore is not null || hasRefresh;
        if (canRefresh && string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{nameof(ClientId)} is required when a refresh token or a {nameof(TokenStore)} is configured (refreshing needs the OAuth client id).";
        }

        if (canRefresh && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return $"{nameof(ClientSecret)} is required when a refresh token or a {nameof(TokenStore)} is configured (refreshing needs the OAuth client secret).";
        }

        if ((hasAccess && HeaderValueRule.Problem(AccessToken!) is not null) || (hasRefresh && HeaderValueRule.Problem(RefreshToken!) is not null))
        {
            yield return $"{nameof(AccessToken)} and {nameof(RefreshToken)} must hold only visible ASCII characters (the access token is sent in the Authorization header).";
        }

        if (AccessTokenExpiresAt is not null && !hasAccess)
        {
            yield return $"{nameof(AccessTokenExpiresAt)} is set but {nameof(AccessToken)} is not.";
        }

        if (RedirectUri is { IsAbsoluteUri: false })
        {
            yield return $"{nameof(RedirectUri)} must be an absolute URI.";
        }

        if (RefreshScopes is { } scopes && (scopes & ~AssistLoopScopes.All) != 0)
        {
            yield return $"{nameof(RefreshScopes)} may only combine the documented scopes.";
        }

        if (RefreshBeforeExpiry < TimeSpan.Zero || RefreshBeforeExpiry > TimeSpan.FromDays(1))
        {
            yield return $"{nameof(RefreshBeforeExpiry)} must be between 0 and 1 day (was {RefreshBeforeExpiry}).";
        }
    }

    /// <summary>The token store to use: <see cref="TokenStore"/>, or an in-memory one seeded from the token options.</summary>
    internal ITokenStore CreateTokenStore()
    {
        if (TokenStore is not null)
        {
            return TokenStore;
        }

        // Only a refresh token: an already-expired placeholder makes the first call refresh.
        return string.IsNullOrWhiteSpace(AccessToken)
            ? new InMemoryTokenStore(new OAuthTokens("", RefreshToken, DateTimeOffset.UnixEpoch))
            : new InMemoryTokenStore(new OAuthTokens(AccessToken, string.IsNullOrWhiteSpace(RefreshToken) ? null : RefreshToken, AccessTokenExpiresAt));
    }
}
