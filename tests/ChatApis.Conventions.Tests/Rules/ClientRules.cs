using System.Reflection;
using ChatApis.Conventions.Tests.Support;

namespace ChatApis.Conventions.Tests.Rules;

/// <summary>The dialect's rules for a client type as a whole.</summary>
internal static class ClientRules
{
    /// <summary>A protected parameterless constructor, so a mocking framework (or a hand-written fake) can derive from the client.</summary>
    public static IEnumerable<string> HasProtectedParameterlessConstructor(Type client)
    {
        var constructor = client.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);
        if (constructor is null || !(constructor.IsFamily || constructor.IsFamilyOrAssembly))
        {
            yield return $"{client.FullName} has no protected parameterless constructor (`protected {client.Name}() {{ }}`): a test cannot mock it.";
        }
    }

    /// <summary>Rule 6: a client that subscribes to webhooks also unsubscribes, and the other way round.</summary>
    public static IEnumerable<string> WebhookMethodsComeInPairs(Type client)
    {
        var names = ClientSurface.PublicMethods(client).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var subscribes = names.Contains("SubscribeWebhookAsync");
        var unsubscribes = names.Contains("UnsubscribeWebhookAsync");
        if (subscribes != unsubscribes)
        {
            yield return $"{client.FullName} has {(subscribes ? "SubscribeWebhookAsync" : "UnsubscribeWebhookAsync")} but not {(subscribes ? "UnsubscribeWebhookAsync" : "SubscribeWebhookAsync")}.";
        }
    }
}
