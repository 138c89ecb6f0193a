namespace ChatApis.Testing.AssistLoop;

/// <summary>A webhook subscription stored by the <see cref="AssistLoopSimulator"/>.</summary>
/// <param name="Id">The subscription id (<c>whk_...</c>).</param>
/// <param name="OrganizationUuid">The organization.</param>
/// <param name="AgentUuid">The monitored agent.</param>
/// <param name="TargetUrl">Where deliveries are POSTed.</param>
/// <param name="Event">The subscribed event type.</param>
/// <param name="Platform">The platform it was made for (<c>zapier</c> or <c>make</c>).</param>
/// <param name="ExternalId">The caller's external id, if any.</param>
/// <param name="Secret">The once-shown secret.</param>
public sealed record AssistLoopSimulatorSubscription(string Id, string OrganizationUuid, string AgentUuid, Uri TargetUrl, string Event, string Platform, string? ExternalId, string Secret)
{
    /// <summary>A description without the secret.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"AssistLoopSimulatorSubscription {{ Id = {Id}, AgentUuid = {AgentUuid}, Event = {Event}, Platform = {Platform} }}";
}
