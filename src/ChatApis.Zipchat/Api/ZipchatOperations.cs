using ChatApis.Http;

namespace ChatApis.Zipchat;

/// <summary>What the pipeline must know about each Backend API endpoint (one per method of <see cref="IZipchatApi"/>).</summary>
internal static class ZipchatOperations
{
    public static readonly ApiOperation ListConversations = new(HttpMethod.Get, ZipchatPaths.Conversations);

    public static readonly ApiOperation GetConversation = new(HttpMethod.Get, ZipchatPaths.Conversation);

    /// <summary>Setting the assignment to a value is idempotent, so the PATCH is retried after an ambiguous failure.</summary>
    public static readonly ApiOperation UpdateAssignment = new(HttpMethod.Patch, ZipchatPaths.Assignment) { Idempotent = true };

    /// <summary>Zipchat documents no idempotency key: a send is never retried once it may have reached the server.</summary>
    public static readonly ApiOperation SendMessage = new(HttpMethod.Post, ZipchatPaths.Messages);

    public static readonly ApiOperation ListUsers = new(HttpMethod.Get, ZipchatPaths.Users);

    public static readonly ApiOperation GetUser = new(HttpMethod.Get, ZipchatPaths.User);
}
