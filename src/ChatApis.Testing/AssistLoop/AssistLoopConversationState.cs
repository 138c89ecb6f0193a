namespace ChatApis.Testing.AssistLoop;

/// <summary>A snapshot of a simulated conversation, for assertions.</summary>
/// <param name="Uuid">The conversation's UUID.</param>
/// <param name="AgentUuid">Its agent.</param>
/// <param name="IsOpen">Whether it is open.</param>
/// <param name="ResponseMode"><c>ai</c> or <c>human</c>.</param>
/// <param name="ClosedVia">The platform of the close request, once closed through the API.</param>
/// <param name="MessageCount">How many messages it holds.</param>
public sealed record AssistLoopConversationState(string Uuid, string AgentUuid, bool IsOpen, string ResponseMode, string? ClosedVia, int MessageCount);
