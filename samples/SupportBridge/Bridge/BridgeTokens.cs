namespace Samples.SupportBridge.Bridge;

/// <summary>The secret tokens the webhook target URLs carry: from configuration, or fresh ones on the simulators.</summary>
/// <param name="AssistLoop">The token of <c>/hooks/assistloop/{token}</c>.</param>
/// <param name="Chatting">The token of <c>/hooks/chatting/{token}</c>.</param>
public sealed record BridgeTokens(string AssistLoop, string Chatting)
{
    public override string ToString() => "BridgeTokens { (not shown) }";
}
