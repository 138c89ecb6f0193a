namespace ChatApis.AssistLoop;

/// <summary>
/// Which of AssistLoop's two integration surfaces a client talks to. Both serve the same API; they
/// differ in their base path, in the <c>platform</c> value sent by webhook subscriptions and closes,
/// and in the endpoints only Make offers (organizations and agents).
/// </summary>
public enum AssistLoopSurface
{
    /// <summary>The Zapier surface: base <c>https://api.assistloop.ai/api/v1</c>, platform <c>zapier</c>.</summary>
    Zapier = 0,

    /// <summary>The Make surface: base <c>https://api.assistloop.ai/v1</c>, platform <c>make</c>, plus organizations and agents.</summary>
    Make = 1,
}
