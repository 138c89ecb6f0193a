using ChatApis.Http;
using Refit;

namespace ChatApis.Chatting.Api;

/// <summary>
/// The wire contract of Chatting's Zapier API (<c>https://usechatting.com/api/zapier</c>): what each endpoint puts
/// on the wire. The API key header is added by the client's authentication handler; every method answers the raw
/// response and the pipeline reads it.
/// </summary>
internal interface IChattingApi
{
    /// <summary>The header the create-style actions read their idempotency key from (Chatting also reads <c>X-Idempotency-Key</c>).</summary>
    const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary><c>GET /me</c>: the workspace behind the key.</summary>
    [Get(ChattingPaths.Me)]
    Task<HttpResponseMessage> GetMe([Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>POST /webhooks/subscribe</c> with <c>{"event", "target_url"}</c>.</summary>
    [Post(ChattingPaths.Subscribe)]
    Task<HttpResponseMessage> Subscribe([Body] SubscribeBody body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>DELETE /webhooks/{id}</c>.</summary>
    [Delete(ChattingPaths.Webhook)]
    Task<HttpResponseMessage> Unsubscribe(string id, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>GET /conversations?limit=&amp;event=</c>: a null limit or event is left out (Chatting's defaults: 10, conversation.created).</summary>
    [Get(ChattingPaths.Conversations)]
    Task<HttpResponseMessage> GetConversationTriggers(int? limit, [AliasAs("event")] string? eventName, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>GET /contacts?limit=</c>.</summary>
    [Get(ChattingPaths.Contacts)]
    Task<HttpResponseMessage> GetContactTriggers(int? limit, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>POST /contacts</c> with the contact and an idempotency key.</summary>
    [Post(ChattingPaths.Contacts)]
    Task<HttpResponseMessage> CreateContact([Body] ChattingNewContact body, [Header(IdempotencyKeyHeader)] string? idempotencyKey, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>POST /contacts/{id}/tags</c> with <c>{"tag"}</c> and an idempotency key.</summary>
    [Post(ChattingPaths.ContactTags)]
    Task<HttpResponseMessage> AddContactTag(string id, [Body] AddTagBody body, [Header(IdempotencyKeyHeader)] string? idempotencyKey, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    /// <summary><c>POST /conversations/{id}/messages</c> with <c>{"message", "sender"?}</c> and an idempotency key.</summary>
    [Post(ChattingPaths.ConversationMessages)]
    Task<HttpResponseMessage> SendMessage(string id, [Body] SendMessageBody body, [Header(IdempotencyKeyHeader)] string? idempotencyKey, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);
}
