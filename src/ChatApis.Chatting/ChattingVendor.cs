using ChatApis.Http;

namespace ChatApis.Chatting;

/// <summary>What is special about Chatting's Zapier API: the <c>{"ok": false, "error": code}</c> envelope, no rate limits.</summary>
internal static class ChattingVendor
{
    public const string Name = "Chatting";

    public const string ApiKeyHeader = "X-API-Key";

    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static VendorProfile Profile { get; } = new()
    {
        Name = Name,
        DefaultBaseAddress = new Uri("https://usechatting.com/api/zapier/"),

        // The code is all the envelope carries; the statuses already match Core's exception types
        // (401, 400, 403, 404, 409, 500), so no MapError is needed.
        ErrorReader = new ErrorBodyReader(codeProperty: "error", messageProperty: "message", retryAfterProperty: null),
    };
}
