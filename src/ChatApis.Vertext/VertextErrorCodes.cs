namespace ChatApis.Vertext;

/// <summary>The <see cref="ChatApiException.ErrorCode"/> values the Vertext client sets (Vertext itself sends plain text).</summary>
public static class VertextErrorCodes
{
    /// <summary>Vertext answered 400: the request had no usable Authorization header.</summary>
    public const string AuthorizationMissing = "authorization_missing";

    /// <summary>Vertext answered 401: the access token is expired or invalid.</summary>
    public const string TokenInvalid = "token_invalid";
}
