namespace ChatApis.Testing.Chatting;

/// <summary>A message posted through <c>POST /conversations/{id}/messages</c>.</summary>
/// <param name="Id">The message id.</param>
/// <param name="ConversationId">The conversation.</param>
/// <param name="Text">The message text.</param>
/// <param name="Sender"><c>system</c> when asked for, otherwise <c>team</c>.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record SimulatedMessage(string Id, string ConversationId, string Text, string Sender, DateTimeOffset CreatedAt);
