using ChatApis.AssistLoop.Requests;
using ChatApis.Http;
using Refit;

namespace ChatApis.AssistLoop.Api;

/// <summary>
/// The wire contract of the endpoints both surfaces serve (all of the Zapier surface; Make adds
/// <see cref="IAssistLoopMakeApi"/>), relative to the client's surface base.
/// </summary>
internal interface IAssistLoopApi
{
    [Post(AssistLoopPaths.Authorize)]
    Task<HttpResponseMessage> Authorize([Body] AuthorizeBody body, [Header("Cookie")] string? sessionCookie, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(AssistLoopPaths.Me)]
    Task<HttpResponseMessage> GetMe([Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Post(AssistLoopPaths.Subscribe)]
    Task<HttpResponseMessage> Subscribe([Body] SubscribeBody body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Delete(AssistLoopPaths.Unsubscribe)]
    Task<HttpResponseMessage> Unsubscribe(string uuid, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(AssistLoopPaths.Conversations)]
    Task<HttpResponseMessage> ListConversations(
        string agentUuid,
        string? status,
        [AliasAs("response_mode")] string? responseMode,
        [AliasAs("created_from")] string? createdFrom,
        [AliasAs("created_to")] string? createdTo,
        [AliasAs("per_page")] int? perPage,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Get(AssistLoopPaths.RecentSamples)]
    Task<HttpResponseMessage> GetRecentSamples(string agentUuid, int? limit, string? type, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Post(AssistLoopPaths.Close)]
    Task<HttpResponseMessage> Close(string conversationUuid, [Body] CloseBody body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(AssistLoopPaths.Messages)]
    Task<HttpResponseMessage> FindMessages(
        string conversationUuid,
        [AliasAs("created_from")] string? createdFrom,
        [AliasAs("created_to")] string? createdTo,
        [AliasAs("per_page")] int? perPage,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Post(AssistLoopPaths.Reply)]
    Task<HttpResponseMessage> Reply(string conversationUuid, [Body] ReplyBody body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);
}
