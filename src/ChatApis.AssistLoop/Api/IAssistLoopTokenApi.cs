using ChatApis.AssistLoop.Requests;
using ChatApis.Http;
using Refit;

namespace ChatApis.AssistLoop.Api;

/// <summary>
/// The wire contract of AssistLoop's OAuth token endpoint (<c>POST /oauth/token</c> at the host root, a JSON body
/// as both documents show it), sent through the client's credential-free token pipeline.
/// </summary>
internal interface IAssistLoopTokenApi
{
    [Post(AssistLoopPaths.Token)]
    Task<HttpResponseMessage> ExchangeCode([Body] CodeGrantBody body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Post(AssistLoopPaths.Token)]
    Task<HttpResponseMessage> Refresh([Body] RefreshGrantBody body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);
}
