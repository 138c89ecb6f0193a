namespace ChatApis.Chatting.Api;

/// <summary>The path templates of Chatting's Zapier API (under <c>/api/zapier/</c>), shared by the Refit methods and their operations.</summary>
internal static class ChattingPaths
{
    public const string Me = "me";

    public const string Subscribe = "webhooks/subscribe";

    public const string Webhook = "webhooks/{id}";

    public const string Conversations = "conversations";

    public const string Contacts = "contacts";

    public const string ContactTags = "contacts/{id}/tags";

    public const string ConversationMessages = "conversations/{id}/messages";
}
