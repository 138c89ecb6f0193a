using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>
/// An AssistLoop error code: the <c>error</c> of its <c>{"error": "...", "message": "..."}</c> envelope, read from
/// <see cref="ChatApiException.ErrorCode"/> with <see cref="AssistLoopErrorCodeExtensions.GetAssistLoopErrorCode"/>.
/// The API answers its own errors with a short phrase (the documents' example is <c>Conversation not found</c>)
/// and its OAuth endpoints with the OAuth 2.0 codes (RFC 6749 and, for bearer tokens, RFC 6750). Open: a code
/// this release does not know is kept as it is.
/// </summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<AssistLoopErrorCode>))]
public readonly record struct AssistLoopErrorCode(string Value) : IOpenEnum<AssistLoopErrorCode>
{
    /// <summary>404 (<see cref="ChatApiNotFoundException"/>): the conversation does not exist or is not the account's (the documents' example).</summary>
    public static AssistLoopErrorCode ConversationNotFound { get; } = new("Conversation not found");

    /// <summary>400: the OAuth request lacks a parameter, repeats one, or is malformed.</summary>
    public static AssistLoopErrorCode InvalidRequest { get; } = new("invalid_request");

    /// <summary>401: the OAuth client id or secret is wrong.</summary>
    public static AssistLoopErrorCode InvalidClient { get; } = new("invalid_client");

    /// <summary>
    /// 400: the authorization code or refresh token is invalid, used, expired, revoked or issued for another
    /// redirect URI. On a refresh the client raises <see cref="ChatApiReauthorizationRequiredException"/>.
    /// </summary>
    public static AssistLoopErrorCode InvalidGrant { get; } = new("invalid_grant");

    /// <summary>400: the OAuth client may not use this grant type.</summary>
    public static AssistLoopErrorCode UnauthorizedClient { get; } = new("unauthorized_client");

    /// <summary>400: the grant type is neither <c>authorization_code</c> nor <c>refresh_token</c>.</summary>
    public static AssistLoopErrorCode UnsupportedGrantType { get; } = new("unsupported_grant_type");

    /// <summary>400: a requested scope is unknown, malformed, or beyond the original grant.</summary>
    public static AssistLoopErrorCode InvalidScope { get; } = new("invalid_scope");

    /// <summary>The user (or AssistLoop) denied the authorization (also as <c>error=access_denied</c> on the redirect).</summary>
    public static AssistLoopErrorCode AccessDenied { get; } = new("access_denied");

    /// <summary>The authorization server failed (on the redirect, where it cannot answer 500).</summary>
    public static AssistLoopErrorCode ServerError { get; } = new("server_error");

    /// <summary>The authorization server is overloaded or down for maintenance (on the redirect).</summary>
    public static AssistLoopErrorCode TemporarilyUnavailable { get; } = new("temporarily_unavailable");

    /// <summary>401: the access token is expired, revoked or malformed (RFC 6750); the client refreshes it once.</summary>
    public static AssistLoopErrorCode InvalidToken { get; } = new("invalid_token");

    /// <summary>403 (<see cref="ChatApiPermissionException"/>): the access token lacks the scope the call needs (RFC 6750).</summary>
    public static AssistLoopErrorCode InsufficientScope { get; } = new("insufficient_scope");

    /// <inheritdoc />
    public static IReadOnlyList<AssistLoopErrorCode> KnownValues { get; } =
    [
        ConversationNotFound, InvalidRequest, InvalidClient, InvalidGrant, UnauthorizedClient, UnsupportedGrantType, InvalidScope,
        AccessDenied, ServerError, TemporarilyUnavailable, InvalidToken, InsufficientScope,
    ];

    /// <inheritdoc />
    public static AssistLoopErrorCode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
