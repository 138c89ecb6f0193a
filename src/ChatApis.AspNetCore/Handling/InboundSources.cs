namespace ChatApis.AspNetCore;

/// <summary>The values of <see cref="InboundEventContext.Source"/>.</summary>
public static class InboundSources
{
    /// <summary>AssistLoop webhook deliveries.</summary>
    public const string AssistLoop = "assistloop";

    /// <summary>Chatting trigger deliveries.</summary>
    public const string Chatting = "chatting";

    /// <summary>Vertext webhook deliveries.</summary>
    public const string Vertext = "vertext";

    /// <summary>Messages the Zipchat watcher found.</summary>
    public const string Zipchat = "zipchat";
}
