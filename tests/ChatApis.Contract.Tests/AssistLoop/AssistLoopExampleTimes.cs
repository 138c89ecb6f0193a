namespace ChatApis.Contract.Tests.AssistLoop;

/// <summary>
/// The timestamps of one AssistLoop document's examples: the Zapier and Make pages show the same shapes
/// and values except these (Zapier writes <c>2025-01-20T16:00:00+00:00</c>, Make <c>2024-11-12T10:30:00Z</c>).
/// </summary>
public sealed record AssistLoopExampleTimes(
    DateTimeOffset NewConversationAt,
    DateTimeOffset HandoffAt,
    DateTimeOffset HandoffConversationCreatedAt,
    DateTimeOffset SampleAt,
    DateTimeOffset NewestMessageAt,
    DateTimeOffset OlderMessageAt);
