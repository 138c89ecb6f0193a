namespace ChatApis.Testing.Chatting;

/// <summary>A conversation in the <see cref="ChattingSimulator"/>.</summary>
/// <param name="Id">The conversation id.</param>
/// <param name="WorkspaceId">The owning workspace.</param>
/// <param name="VisitorEmail">The visitor's email, if known.</param>
/// <param name="VisitorName">The visitor's name, if known.</param>
/// <param name="PageUrl">The page the visitor wrote from.</param>
/// <param name="FirstMessage">The visitor's first message.</param>
/// <param name="Tags">The conversation's tags.</param>
/// <param name="MessageCount">How many messages it has (the first message included).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="ResolvedAt">When it was resolved, or <c>null</c> while open.</param>
public sealed record SimulatedConversation(
    string Id,
    string WorkspaceId,
    string? VisitorEmail,
    string? VisitorName,
    string? PageUrl,
    string? FirstMessage,
    IReadOnlyList<string> Tags,
    int MessageCount,
    DateTimeOffset StartedAt,
    DateTimeOffset? ResolvedAt);
