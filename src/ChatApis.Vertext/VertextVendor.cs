using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.Vendors;

namespace ChatApis.Vertext;

/// <summary>
/// How a <see cref="VertextClient"/> is built, alike standalone and with dependency injection: Vertext Labs'
/// address, its plain-text errors (400 for a missing Authorization header) and the bearer access token.
/// </summary>
public sealed class VertextVendor : ChatApiVendor<VertextClient, VertextClientOptions>
{
    private VertextVendor()
    {
    }

    /// <summary>The one instance.</summary>
    public static VertextVendor Instance { get; } = new();

    /// <inheritdoc />
    public override VendorProfile Profile { get; } = new()
    {
        Name = "Vertext",
        DefaultBaseAddress = new Uri("https://api.vertextlabs.com/"),

        // Errors are plain text: no JSON envelope to read, the text is the message.
        ErrorReader = new ErrorBodyReader(codeProperty: null, messageProperty: null, retryAfterProperty: null),
        MapError = MapError,
    };

    /// <inheritdoc />
    protected override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<VertextClientOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BearerTokenHandler(context.Options.AccessToken!);
    }

    /// <inheritdoc />
    protected override VertextClient CreateClient(ChatApiClientContext<VertextClientOptions> context) => new(context);

    // Vertext answers a missing Authorization header with 400 and a bad token with 401: both are
    // authentication problems, told apart by ErrorCode. Any other 400 stays a validation error.
    private static ChatApiException? MapError(ChatApiErrorDetails details, string operation) => (int?)details.StatusCode switch
    {
        400 when IsAboutAuthorization(details.Message) => new ChatApiAuthenticationException(
            $"Vertext {operation} failed with 400{details.AfterAttempts}: the Authorization header was missing or malformed{Said(details)}.",
            details with { ErrorCode = VertextErrorCode.AuthorizationMissing.Value }),
        401 => new ChatApiAuthenticationException(
            $"Vertext {operation} failed with 401{details.AfterAttempts}: the access token is expired or invalid{Said(details)}.",
            details with { ErrorCode = VertextErrorCode.TokenInvalid.Value }),
        _ => null,
    };

    // The SDK always sends the header, so a 400 that mentions it (or says nothing) means it was unusable.
    private static bool IsAboutAuthorization(string? message) =>
        message is null
        || message.Contains("authoriz", StringComparison.OrdinalIgnoreCase)
        || message.Contains("header", StringComparison.OrdinalIgnoreCase)
        || message.Contains("token", StringComparison.OrdinalIgnoreCase);

    private static string Said(ChatApiErrorDetails details) => details.Message is null ? "" : $" (server said: {details.Message})";
}
