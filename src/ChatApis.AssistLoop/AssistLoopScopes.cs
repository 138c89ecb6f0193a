namespace ChatApis.AssistLoop;

/// <summary>
/// The OAuth scopes AssistLoop grants; combine them with <c>|</c>. On the wire they are one
/// space-separated string (see <see cref="AssistLoopScopesExtensions.ToScopeString"/>). When no scope is
/// requested, AssistLoop grants <see cref="Default"/>.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Scopes" is the domain's own word for the set.
public enum AssistLoopScopes
#pragma warning restore CA1711
{
    /// <summary>No scope (sends no <c>scope</c>, so AssistLoop applies <see cref="Default"/>).</summary>
    None = 0,

    /// <summary><c>read:conversations</c>: read conversations and conversation details (a default scope).</summary>
    ReadConversations = 1,

    /// <summary><c>read:messages</c>: read messages within conversations (a default scope).</summary>
    ReadMessages = 2,

    /// <summary><c>manage:webhooks</c>: create and manage webhook subscriptions (a default scope).</summary>
    ManageWebhooks = 4,

    /// <summary><c>write:conversations</c>: update conversation status and response mode (not a default scope).</summary>
    WriteConversations = 8,

    /// <summary>The scopes granted when none are requested: read:conversations, read:messages and manage:webhooks.</summary>
    Default = ReadConversations | ReadMessages | ManageWebhooks,

    /// <summary>Every documented scope (what the Make configuration requests).</summary>
    All = Default | WriteConversations,
}
