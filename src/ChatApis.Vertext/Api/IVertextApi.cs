using ChatApis.Http;
using Refit;

namespace ChatApis.Vertext.Api;

/// <summary>
/// The wire contract of the Vertext Labs public Zapier API (<c>https://api.vertextlabs.com</c>): what each
/// endpoint puts on the wire. Every method answers the raw response; the pipeline reads it.
/// </summary>
internal interface IVertextApi
{
    /// <summary><c>GET /chatbots/list?page=&amp;per_page=</c>: a null page index or size is left out (Vertext's defaults 0 and 100 apply).</summary>
    [Get(VertextPaths.Chatbots)]
    Task<HttpResponseMessage> GetChatbots(
        [AliasAs("page")] int? pageIndex,
        [AliasAs("per_page")] int? perPage,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    /// <summary><c>GET /contacts/{chatbot_id}?page=&amp;per_page=</c>.</summary>
    [Get(VertextPaths.Contacts)]
    Task<HttpResponseMessage> GetContacts(
        [AliasAs("chatbot_id")] string chatbotId,
        [AliasAs("page")] int? pageIndex,
        [AliasAs("per_page")] int? perPage,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    /// <summary><c>POST /chatbots/{chatbot_id}/zapier_subscriptions</c> with a form body (<c>target_url</c>).</summary>
    [Post(VertextPaths.ZapierSubscriptions)]
    Task<HttpResponseMessage> CreateZapierSubscription(
        [AliasAs("chatbot_id")] string chatbotId,
        [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);

    /// <summary><c>DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}</c> (answers 204).</summary>
    [Delete(VertextPaths.ZapierSubscription)]
    Task<HttpResponseMessage> DeleteZapierSubscription(
        [AliasAs("chatbot_id")] string chatbotId,
        string id,
        [Property(ApiCall.PropertyKey)] ApiCall call,
        CancellationToken cancellationToken);
}
