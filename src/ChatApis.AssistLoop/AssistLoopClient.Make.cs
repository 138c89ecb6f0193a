using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>Lists the organizations (workspaces) the user belongs to (<c>GET my/organizations</c>; Make surface only).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organizations.</returns>
    /// <exception cref="InvalidOperationException">The client uses the Zapier surface (nothing is sent).</exception>
    public virtual Task<ApiResponse<IReadOnlyList<Organization>>> ListOrganizationsAsync(CancellationToken cancellationToken = default)
    {
        RequireMake(nameof(ListOrganizationsAsync));
        return Pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "my/organizations"), AssistLoopJsonContext.Default.IReadOnlyListOrganization, cancellationToken);
    }

    /// <summary>Lists the AI agents of an organization (<c>GET organizations/{organization_uuid}/agents</c>; Make surface only).</summary>
    /// <param name="organizationUuid">The organization's UUID.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agents.</returns>
    /// <exception cref="InvalidOperationException">The client uses the Zapier surface (nothing is sent).</exception>
    /// <exception cref="ChatApiNotFoundException">No such organization for this user.</exception>
    public virtual Task<ApiResponse<IReadOnlyList<Agent>>> ListAgentsAsync(string organizationUuid, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(organizationUuid);
        RequireMake(nameof(ListAgentsAsync));
        var request = new ApiRequest(HttpMethod.Get, "organizations/{organization_uuid}/agents", organizationUuid);
        return Pipeline.SendAsync(request, AssistLoopJsonContext.Default.IReadOnlyListAgent, cancellationToken);
    }
}
