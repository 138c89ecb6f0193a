namespace ChatApis.Zipchat;

/// <summary>
/// The Backend API's path templates, relative to the base address (<c>.../backend_api/v1/</c>), with the
/// documents' placeholder names. Shared by the Refit attributes of <see cref="IZipchatApi"/> and the
/// <see cref="ZipchatOperations"/>, so the two cannot drift apart.
/// </summary>
internal static class ZipchatPaths
{
    public const string Conversations = "chats/{chat_id}/conversations";
    public const string Conversation = "chats/{chat_id}/conversations/{id}";
    public const string Assignment = "chats/{chat_id}/conversations/{id}/assignment";
    public const string Messages = "chats/{chat_id}/conversations/{id}/messages";
    public const string Users = "chats/{chat_id}/users";
    public const string User = "chats/{chat_id}/users/{id}";
}
