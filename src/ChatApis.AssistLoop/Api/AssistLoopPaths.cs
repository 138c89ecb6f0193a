namespace ChatApis.AssistLoop.Api;

/// <summary>
/// AssistLoop's path templates, shared by the Refit interfaces and their <see cref="AssistLoopOperations"/>.
/// Relative to the surface base (<c>…/api/v1/</c> or <c>…/v1/</c>), except the token endpoint, which the
/// documents put at the host root. Placeholders keep the documents' names.
/// </summary>
internal static class AssistLoopPaths
{
    public const string Authorize = "oauth/authorize";
    public const string Token = "/oauth/token";
    public const string Me = "oauth/me";
    public const string Subscribe = "webhooks/subscribe";
    public const string Unsubscribe = "webhooks/unsubscribe/{uuid}";
    public const string Conversations = "automation/agents/{agentUuid}/conversations/list";
    public const string RecentSamples = "automation/agents/{agentUuid}/conversations/recent-sample";
    public const string Close = "automation/conversations/{conversationUuid}/close";
    public const string Messages = "automation/conversations/{conversationUuid}/messages/find";
    public const string Reply = "automation/conversations/{conversationUuid}/reply";
    public const string Organizations = "my/organizations";
    public const string Agents = "organizations/{organization_uuid}/agents";
}
