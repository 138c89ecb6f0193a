namespace ChatApis.AssistLoop;

/// <summary>Converts <see cref="AssistLoopScopes"/> to and from AssistLoop's space-separated wire form.</summary>
public static class AssistLoopScopesExtensions
{
    private static readonly (AssistLoopScopes Flag, string Wire)[] Names =
    [
        (AssistLoopScopes.ReadConversations, "read:conversations"),
        (AssistLoopScopes.ReadMessages, "read:messages"),
        (AssistLoopScopes.ManageWebhooks, "manage:webhooks"),
        (AssistLoopScopes.WriteConversations, "write:conversations"),
    ];

    /// <summary>The space-separated wire form, in the documents' order, e.g. <c>read:conversations read:messages manage:webhooks</c>.</summary>
    /// <param name="scopes">The scopes.</param>
    /// <returns>The wire text; empty for <see cref="AssistLoopScopes.None"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scopes"/> holds a bit that is no documented scope.</exception>
    public static string ToScopeString(this AssistLoopScopes scopes)
    {
        if ((scopes & ~AssistLoopScopes.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scopes), scopes, "scopes may only combine the documented AssistLoop scopes (read:conversations, read:messages, manage:webhooks, write:conversations).");
        }

        return string.Join(' ', Names.Where(n => scopes.HasFlag(n.Flag)).Select(n => n.Wire));
    }

    /// <summary>Parses a space-separated scope string; scopes this release does not know are ignored.</summary>
    /// <param name="text">The wire text, e.g. from a token response.</param>
    /// <returns>The known scopes it names.</returns>
    public static AssistLoopScopes ParseScopes(string? text)
    {
        var scopes = AssistLoopScopes.None;
        foreach (var part in (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var (flag, wire) in Names)
            {
                if (string.Equals(part, wire, StringComparison.Ordinal))
                {
                    scopes |= flag;
                }
            }
        }

        return scopes;
    }
}
