using ChatApis.Http;

namespace ChatApis.Chatting.Api;

/// <summary>One <see cref="ApiOperation"/> per Chatting endpoint, with the same path constant as its Refit method.</summary>
internal static class ChattingOperations
{
    public static readonly ApiOperation GetMe = new(HttpMethod.Get, ChattingPaths.Me);

    // An upsert on (workspace, event, target_url): repeating it returns the same subscription, so it is safe to retry.
    // Chatting takes no idempotency key here.
    public static readonly ApiOperation Subscribe = new(HttpMethod.Post, ChattingPaths.Subscribe) { Idempotent = true };

    public static readonly ApiOperation Unsubscribe = new(HttpMethod.Delete, ChattingPaths.Webhook);

    public static readonly ApiOperation GetConversationTriggers = new(HttpMethod.Get, ChattingPaths.Conversations);

    public static readonly ApiOperation GetContactTriggers = new(HttpMethod.Get, ChattingPaths.Contacts);

    // The three actions honour Idempotency-Key: one key per logical call, re-sent by every retry, makes them safe to retry.
    public static readonly ApiOperation CreateContact = new(HttpMethod.Post, ChattingPaths.Contacts) { AcceptsIdempotencyKey = true };

    public static readonly ApiOperation AddContactTag = new(HttpMethod.Post, ChattingPaths.ContactTags) { AcceptsIdempotencyKey = true };

    public static readonly ApiOperation SendMessage = new(HttpMethod.Post, ChattingPaths.ConversationMessages) { AcceptsIdempotencyKey = true };
}
