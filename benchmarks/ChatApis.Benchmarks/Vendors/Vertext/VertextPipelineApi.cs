using ChatApis.Http;
using Refit;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>
/// Vertext's list call declared the way a vendor package declares its wire contract (a Refit interface returning
/// the raw response, the call's <see cref="ApiCall"/> as a request property, a path shared with its
/// <see cref="ApiOperation"/>), so the breakdown can run Core's pipeline on its own, without a vendor client.
/// </summary>
internal interface IVertextPipelineApi
{
    /// <summary>The path template of the list call, shared by the Refit method and <see cref="ListChatbotsOperation"/>.</summary>
    const string ListChatbotsPath = "chatbots/list";

    /// <summary>The operation the pipeline runs for the list call (a GET: retry-safe).</summary>
    static readonly ApiOperation ListChatbotsOperation = new(HttpMethod.Get, ListChatbotsPath);

    /// <summary>One page of chatbots.</summary>
    [Get(ListChatbotsPath)]
    Task<HttpResponseMessage> ListChatbots(int page, [AliasAs("per_page")] int perPage, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);
}
