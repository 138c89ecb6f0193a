using ChatApis.AssistLoop.Api;
using ChatApis.AssistLoop.Pagination;
using ChatApis.Http;
using ChatApis.Pagination;
using ChatApis.Safety;

namespace ChatApis.AssistLoop;

public partial class AssistLoopClient
{
    /// <summary>
    /// Lists the organizations (workspaces) the user belongs to (<c>GET my/organizations</c>; Make surface only).
    /// AssistLoop answers with the whole list, so the pageable yields one page, fetched when enumerated.
    /// </summary>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organizations.</returns>
    /// <exception cref="InvalidOperationException">The client uses the Zapier surface (thrown here; nothing is sent).</exception>
    public virtual AsyncPageable<AssistLoopOrganization> ListOrganizationsAsync(RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var make = RequireMake(nameof(ListOrganizationsAsync));
        return new OneResponsePageable<AssistLoopOrganization>(
            ct => Pipeline.SendAsync(
                AssistLoopOperations.Organizations, (call, attempt) => make.ListOrganizations(call, attempt), AssistLoopJsonContext.Default.IReadOnlyListAssistLoopOrganization, options, ct),
            cancellationToken);
    }

    /// <summary>
    /// Lists the AI agents of an organization (<c>GET organizations/{organization_uuid}/agents</c>; Make surface only).
    /// AssistLoop answers with the whole list, so the pageable yields one page, fetched when enumerated.
    /// </summary>
    /// <param name="organizationUuid">The organization's UUID.</param>
    /// <param name="options">This call's settings (timeout, extra headers), if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The agents.</returns>
    /// <exception cref="InvalidOperationException">The client uses the Zapier surface (thrown here; nothing is sent).</exception>
    /// <exception cref="ChatApiNotFoundException">No such organization for this user (when enumerated).</exception>
    public virtual AsyncPageable<AssistLoopAgent> ListAgentsAsync(string organizationUuid, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.PathSegment(organizationUuid);
        var make = RequireMake(nameof(ListAgentsAsync));
        return new OneResponsePageable<AssistLoopAgent>(
            ct => Pipeline.SendAsync(
                AssistLoopOperations.Agents, (call, attempt) => make.ListAgents(organizationUuid, call, attempt), AssistLoopJsonContext.Default.IReadOnlyListAssistLoopAgent, options, ct),
            cancellationToken);
    }
}
