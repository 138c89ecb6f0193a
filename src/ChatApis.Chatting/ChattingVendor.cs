using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.Vendors;

namespace ChatApis.Chatting;

/// <summary>
/// How a <see cref="ChattingClient"/> is built, alike standalone and with dependency injection: Chatting's address,
/// its <c>{"ok": false, "error": code}</c> envelope (no rate limits) and the <c>X-API-Key</c> header.
/// </summary>
public sealed class ChattingVendor : ChatApiVendor<ChattingClient, ChattingClientOptions>
{
    /// <summary>The vendor's name in errors, logs and metrics.</summary>
    internal const string Name = "Chatting";

    /// <summary>The header the API key is sent in.</summary>
    internal const string ApiKeyHeader = "X-API-Key";

    private ChattingVendor()
    {
    }

    /// <summary>The one instance.</summary>
    public static ChattingVendor Instance { get; } = new();

    /// <inheritdoc />
    public override VendorProfile Profile { get; } = new()
    {
        Name = Name,
        DefaultBaseAddress = new Uri("https://usechatting.com/api/zapier/"),

        // The code is all the envelope carries; the statuses already match Core's exception types
        // (401, 400, 403, 404, 409, 500), so no MapError is needed.
        ErrorReader = new ErrorBodyReader(codeProperty: "error", messageProperty: "message", retryAfterProperty: null),
    };

    /// <inheritdoc />
    protected override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<ChattingClientOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ApiKeyHandler(ApiKeyHeader, context.Options.ApiKey!);
    }

    /// <inheritdoc />
    protected override ChattingClient CreateClient(ChatApiClientContext<ChattingClientOptions> context) => new(context);
}
