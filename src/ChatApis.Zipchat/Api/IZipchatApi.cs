using ChatApis.Http;
using Refit;

namespace ChatApis.Zipchat;

/// <summary>
/// The Zipchat Backend API on the wire (the one declaration of methods, paths, query names and bodies). Every
/// method answers the raw response: the pipeline reads, caps, decodes and maps it. Query values left <c>null</c>
/// are not sent; timestamps come formatted by <see cref="WireFormat.Iso8601(DateTimeOffset?)"/>.
/// </summary>
internal interface IZipchatApi
{
    [Get(ZipchatPaths.Conversations)]
    Task<HttpResponseMessage> ListConversations(
        [AliasAs("chat_id")] string chatId,
        [AliasAs("page")] int? page,
        [AliasAs("per_page")] int? perPage,
        [AliasAs("last_message_at_since")] string? lastMessageAtSince,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Get(ZipchatPaths.Conversation)]
    Task<HttpResponseMessage> GetConversation(
        [AliasAs("chat_id")] string chatId,
        string id,
        [AliasAs("message_page")] int? messagePage,
        [AliasAs("message_per_page")] int? messagePerPage,
        [AliasAs("message_created_at_since")] string? messageCreatedAtSince,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Patch(ZipchatPaths.Assignment)]
    Task<HttpResponseMessage> UpdateAssignment(
        [AliasAs("chat_id")] string chatId,
        string id,
        [Body] AssignmentRequest body,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Post(ZipchatPaths.Messages)]
    Task<HttpResponseMessage> SendMessage(
        [AliasAs("chat_id")] string chatId,
        string id,
        [Body] SendMessageRequest body,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Get(ZipchatPaths.Users)]
    Task<HttpResponseMessage> ListUsers(
        [AliasAs("chat_id")] string chatId,
        [AliasAs("page")] int? page,
        [AliasAs("per_page")] int? perPage,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    [Get(ZipchatPaths.User)]
    Task<HttpResponseMessage> GetUser(
        [AliasAs("chat_id")] string chatId,
        string id,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);
}
