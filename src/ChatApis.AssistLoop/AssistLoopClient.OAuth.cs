using ChatApis.AssistLoop.Api;
using ChatApis.AssistLoop.Requests;
using ChatApis.Auth.OAuth;
using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>
    /// Sends the authorization request (<c>POST oauth/authorize</c>, relative to the surface base) and
    /// returns the one-time code, after checking that the state came back unchanged.
    /// </summary>
    /// <remarks>
    /// AssistLoop runs this endpoint in the user's logged-in browser session, so pass that session's
    /// cookie in <paramref name="sessionCookie"/>. The documents contradict each other on the Make path
    /// (<c>/api/v1/oauth/authorize</c> in one table, <c>/v1/oauth/authorize</c> in the Make configuration);
    /// the request is sent relative to the client's base, i.e. the latter on Make. The request carries no
    /// bearer token.
    /// </remarks>
    /// <param name="state">An unguessable value from <see cref="AssistLoopOAuthState.Create"/>; keep it to check the redirect.</param>
    /// <param name="redirectUri">The registered redirect URI; <see cref="AssistLoopClientOptions.RedirectUri"/> when null.</param>
    /// <param name="scopes">The scopes to request; <c>null</c> sends none, so AssistLoop grants <see cref="AssistLoopScopes.Default"/>.</param>
    /// <param name="sessionCookie">The user's AssistLoop session <c>Cookie</c> header value; never logged.</param>
    /// <param name="approved">Whether the user approved (the documents require <c>true</c> to obtain a code).</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code, the echoed state and the approving user.</returns>
    /// <exception cref="ArgumentException">The state is empty, no redirect URI is known, the session cookie cannot be sent as a header (CR, LF, control or non-ASCII characters, over 8192 characters), or the scopes hold an undocumented bit.</exception>
    /// <exception cref="InvalidOperationException"><see cref="AssistLoopClientOptions.ClientId"/> is not set.</exception>
    /// <exception cref="OAuthStateMismatchException">The response carried another state.</exception>
    public virtual async Task<ApiResponse<AssistLoopAuthorizationResult>> AuthorizeAsync(
        string state,
        Uri? redirectUri = null,
        AssistLoopScopes? scopes = null,
        string? sessionCookie = null,
        bool approved = true,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(state);
        var redirect = RedirectOrDefault(redirectUri);
        var scope = scopes is { } s ? s.ToScopeString() : null;
        if (sessionCookie is not null)
        {
            // Sent as a header: a CR or LF in it would add header lines of its own.
            Guard.HeaderValue(sessionCookie);
        }

        var clientId = string.IsNullOrWhiteSpace(Options.ClientId)
            ? throw new InvalidOperationException("AssistLoopClientOptions.ClientId is required to send an authorization request.")
            : Options.ClientId;
        var body = new AuthorizeBody(clientId, redirect.OriginalString, string.IsNullOrEmpty(scope) ? null : scope, state, approved);
        if (sessionCookie is not null)
        {
            // The user's session is a credential: redacted from any error that echoes it.
            Pipeline.Secrets.Add(sessionCookie);
        }

        var response = await Pipeline.SendAsync(
            AssistLoopOperations.Authorize, (call, ct) => Api.Authorize(body, sessionCookie, call, ct), AssistLoopJsonContext.Default.AssistLoopAuthorizationResult, options, cancellationToken).ConfigureAwait(false);
        AssistLoopOAuthState.Validate(state, response.Value.State);
        return response;
    }

    /// <summary>
    /// Exchanges an authorization code for tokens (<c>POST /oauth/token</c> at the host root) and saves
    /// them to <see cref="TokenStore"/> before returning, so the client uses them from its next call.
    /// </summary>
    /// <remarks>
    /// A code is single-use, so the tokens are never dropped: when the store fails to save them the call
    /// still returns them, the client uses them from memory, and <see cref="HasUnsavedTokens"/> is <c>true</c>
    /// until a later call (or <see cref="SaveUnsavedTokensAsync"/>) saves them.
    /// </remarks>
    /// <param name="code">The code from <see cref="AuthorizeAsync"/> or <see cref="AssistLoopOAuthState.ReadCode"/>.</param>
    /// <param name="redirectUri">The redirect URI used in the authorization; <see cref="AssistLoopClientOptions.RedirectUri"/> when null.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new tokens (their <see cref="OAuthTokens.ToString"/> never shows them).</returns>
    /// <exception cref="ArgumentException">The code is empty, or no redirect URI is known.</exception>
    /// <exception cref="InvalidOperationException">The client id or secret is not set.</exception>
    /// <exception cref="ChatApiValidationException">The code was invalid, used or issued for another redirect URI (ErrorCode <c>invalid_grant</c>).</exception>
    public virtual async Task<ApiResponse<OAuthTokens>> ExchangeCodeAsync(string code, Uri? redirectUri = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(code);
        var redirect = RedirectOrDefault(redirectUri);
        var response = await TokenEndpoint.ExchangeCodeAsync(code, redirect, options, cancellationToken).ConfigureAwait(false);
        await Tokens.SetTokensAsync(response.Value, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// Whether the client holds tokens (a rotated pair, or a code exchange's) that the token store failed to
    /// save: it uses them from memory and retries the save on each call. While this is <c>true</c> the store
    /// holds a pair that may no longer work, so a process that ends now would need re-authorization.
    /// </summary>
    public virtual bool HasUnsavedTokens => Tokens.HasUnsavedTokens;

    /// <summary>Tries at once to save the tokens the store failed to save (e.g. before the process ends).</summary>
    /// <param name="cancellationToken">Cancels the wait (not the save).</param>
    /// <returns><c>true</c> when nothing is left unsaved.</returns>
    public virtual Task<bool> SaveUnsavedTokensAsync(CancellationToken cancellationToken = default) =>
        Tokens.SaveUnsavedTokensAsync(cancellationToken);

    /// <summary>Gets the user the access token belongs to (<c>GET oauth/me</c>): a cheap way to check a connection.</summary>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's uuid, name and email.</returns>
    public virtual Task<ApiResponse<AssistLoopCurrentUser>> GetMeAsync(RequestOptions? options = null, CancellationToken cancellationToken = default) =>
        Pipeline.SendAsync(AssistLoopOperations.Me, (call, ct) => Api.GetMe(call, ct), AssistLoopJsonContext.Default.AssistLoopCurrentUser, options, cancellationToken);

    private Uri RedirectOrDefault(Uri? redirectUri)
    {
        var redirect = redirectUri ?? Options.RedirectUri
            ?? throw new ArgumentNullException(nameof(redirectUri), "redirectUri is required (or set AssistLoopClientOptions.RedirectUri).");
        if (!redirect.IsAbsoluteUri)
        {
            throw new ArgumentException("redirectUri must be an absolute URI.", nameof(redirectUri));
        }

        return redirect;
    }
}
