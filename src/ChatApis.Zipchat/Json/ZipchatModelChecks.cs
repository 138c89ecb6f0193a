using System.Text.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// What a Zipchat response must hold to be a value at all: the object itself (not null) and its positive
/// integer <c>id</c>. A user, conversation or message without one is not a thing a caller can act on
/// (every id goes back into a path or a body), so it is an invalid response rather than a model with
/// <c>Id</c> 0. Each failure is a <see cref="JsonException"/>, which the pipeline reports as
/// <see cref="ChatApiInvalidResponseException"/>.
/// </summary>
internal static class ZipchatModelChecks
{
    public static void User(ZipchatUser? user, string path) => RequireId(Present(user, path, "user").Id, path, "user");

    public static void Message(ZipchatMessage? message, string path) => RequireId(Present(message, path, "message").Id, path, "message");

    public static void Conversation(ZipchatConversation? conversation, string path)
    {
        RequireId(Present(conversation, path, "conversation").Id, path, "conversation");
        if (conversation!.Assignee is { } assignee)
        {
            User(assignee, path + ".assignee");
        }
    }

    public static void Details(ConversationDetails? details, string path)
    {
        Conversation(details, path);
        Each(details!.Messages, path + ".messages", Message);
    }

    public static void Each<T>(IReadOnlyList<T?>? items, string path, Action<T?, string> check)
        where T : class
    {
        if (items is null)
        {
            throw new JsonException($"The response's list at {path} was null.");
        }

        for (var i = 0; i < items.Count; i++)
        {
            check(items[i], $"{path}[{i}]");
        }
    }

    private static T Present<T>(T? value, string path, string what)
        where T : class =>
        value ?? throw new JsonException($"The response held null at {path} where a {what} object was expected.");

    private static void RequireId(long id, string path, string what)
    {
        if (id <= 0)
        {
            throw new JsonException(id == 0
                ? $"The {what} at {path} has no 'id' (every Zipchat {what} has a positive integer id)."
                : $"The {what} at {path} has the id {id}; Zipchat ids are positive integers.");
        }
    }
}
