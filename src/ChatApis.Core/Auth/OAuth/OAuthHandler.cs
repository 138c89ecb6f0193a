using System.Net;
using System.Net.Http.Headers;
using ChatApis.Diagnostics;
using ChatApis.Http;
using ChatApis.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatApis.Auth.OAuth;

/// <summary>
/// Adds the account's current OAuth access token; on a 401 it refreshes once and re-sends once.
/// It holds no token itself (the <see cref="OAuthTokenManager"/> does), so a pooled handler instance
/// can never hand one account's token to another.
/// </summary>
public sealed class OAuthHandler : DelegatingHandler
{
    private readonly OAuthTokenManager _tokens;
    private readonly ILogger _logger;
    private readonly string _vendor;

    // The header of the token last sent: calls share it until the token changes (the value is immutable).
    private AuthenticationHeaderValue? _header;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">The account's token manager.</param>
    /// <param name="vendor">The vendor name, for logs.</param>
    /// <param name="logger">Where to log (never tokens).</param>
    public OAuthHandler(OAuthTokenManager tokens, string vendor, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        _vendor = vendor;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(ChatApiRequestOptionKeys.SkipAuthentication, out var skip) && skip)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = HeaderFor(token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // No refresh can help (no refresh token, or one already rejected): the server's own 401 is
        // reported, so its status, error, message and request id reach the caller, marked as needing
        // re-authorization (the pipeline reads the mark).
        string? reason;
        try
        {
            reason = await _tokens.WhyRefreshCannotHelpAsync(token, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        if (reason is not null)
        {
            request.Options.Set(ChatApiRequestOptionKeys.ReauthorizationRequired, reason);
            response.RequestMessage ??= request;
            return response;
        }

        // The server did not act on a 401, so one re-send with a refreshed token is always safe.
        request.Options.TryGetValue(ChatApiRequestOptionKeys.PathTemplate, out var template);
        Log.UnauthorizedRefreshing(_logger, _vendor, request.Method.Method, template ?? "?");
        response.Dispose();
        var fresh = await _tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        RateLimitTicket? ticket = null;
        if (request.Options.TryGetValue(ChatApiRequestOptionKeys.RateLimitGate, out var gate))
        {
            request.Options.TryGetValue(ChatApiRequestOptionKeys.RateLimitBudget, out var budget);
            ticket = await gate.WaitAsync(budget, cancellationToken).ConfigureAwait(false);
        }

        // The re-send's own permits, held until its response is in.
        using (ticket)
        {
            request.Headers.Authorization = HeaderFor(fresh.AccessToken);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private AuthenticationHeaderValue HeaderFor(string token)
    {
        var header = _header;
        if (header is null || !string.Equals(header.Parameter, token, StringComparison.Ordinal))
        {
            header = new AuthenticationHeaderValue("Bearer", token);
            _header = header;
        }

        return header;
    }
}
