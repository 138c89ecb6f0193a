using ChatApis.Http;

namespace ChatApis.Vertext.Api;

/// <summary>One <see cref="ApiOperation"/> per Vertext endpoint, with the same path constant as its Refit method.</summary>
internal static class VertextOperations
{
    public static readonly ApiOperation GetChatbots = new(HttpMethod.Get, VertextPaths.Chatbots);

    public static readonly ApiOperation GetContacts = new(HttpMethod.Get, VertextPaths.Contacts);

    // Not retry-safe: a POST that creates a new subscription each time, and Vertext takes no idempotency key.
    public static readonly ApiOperation CreateZapierSubscription = new(HttpMethod.Post, VertextPaths.ZapierSubscriptions);

    public static readonly ApiOperation DeleteZapierSubscription = new(HttpMethod.Delete, VertextPaths.ZapierSubscription);
}
