namespace ChatApis.Vertext.Api;

/// <summary>The path templates of the Vertext Zapier API, shared by the Refit methods and their operations.</summary>
internal static class VertextPaths
{
    public const string Chatbots = "chatbots/list";

    public const string Contacts = "contacts/{chatbot_id}";

    public const string ZapierSubscriptions = "chatbots/{chatbot_id}/zapier_subscriptions";

    public const string ZapierSubscription = "chatbots/{chatbot_id}/zapier_subscriptions/{id}";
}
