namespace ChatApis.Testing.Chatting;

/// <summary>A trigger subscription in the <see cref="ChattingSimulator"/>.</summary>
/// <param name="Id">The subscription id, e.g. <c>wh_123</c>.</param>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="Event">The event.</param>
/// <param name="TargetUrl">Where payloads are POSTed.</param>
/// <param name="Active">Whether payloads are sent (unsubscribing only deactivates).</param>
public sealed record SimulatedSubscription(string Id, string WorkspaceId, string Event, string TargetUrl, bool Active);
