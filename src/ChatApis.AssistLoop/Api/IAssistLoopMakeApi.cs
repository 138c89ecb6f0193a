using ChatApis.Http;
using Refit;

namespace ChatApis.AssistLoop.Api;

/// <summary>The wire contract of the endpoints only the Make surface serves (relative to its base, <c>…/v1/</c>).</summary>
internal interface IAssistLoopMakeApi
{
    [Get(AssistLoopPaths.Organizations)]
    Task<HttpResponseMessage> ListOrganizations([Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(AssistLoopPaths.Agents)]
    Task<HttpResponseMessage> ListAgents([AliasAs("organization_uuid")] string organizationUuid, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);
}
