using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Zipchat;

/// <summary>
/// How each response body is read: the wrapper (<c>{"conversation": {...}}</c>, <c>{"users": [...]}</c>) is
/// removed and the value checked while the body is parsed, so the pipeline hands back the value itself with its
/// response (status, headers, rate limits) untouched. Each contract is built from a converter over
/// <see cref="ZipchatJsonContext"/>'s options (no reflection).
/// </summary>
internal static class ZipchatResponses
{
    private static readonly ConversationListConverter ConversationListReader = new();
    private static readonly UserListConverter UserListReader = new();
    private static readonly EnvelopeConverter<ConversationDetails> DetailsReader = new("conversation", ZipchatModelChecks.Details);

    /// <summary>Get Conversation: <c>{"conversation": {... "messages": [...]}}</c>.</summary>
    public static JsonTypeInfo<ConversationDetails> ConversationDetails { get; } = Create(DetailsReader);

    /// <summary>A Get Conversation page's messages (List Messages).</summary>
    public static JsonTypeInfo<IReadOnlyList<ZipchatMessage>> Messages { get; } =
        Create(new SelectingConverter<ConversationDetails, IReadOnlyList<ZipchatMessage>>(DetailsReader, static d => d.Messages));

    /// <summary>The assignment response (lost from the documents): <c>{"conversation": {...}}</c> or the bare conversation.</summary>
    public static JsonTypeInfo<ZipchatConversation> Conversation { get; } = Create(new EnvelopeConverter<ZipchatConversation>("conversation", ZipchatModelChecks.Conversation));

    /// <summary>The send-message response (lost from the documents): <c>{"message": {...}}</c> or the bare message.</summary>
    public static JsonTypeInfo<ZipchatMessage> Message { get; } = Create(new EnvelopeConverter<ZipchatMessage>("message", ZipchatModelChecks.Message));

    /// <summary>Get User (shape lost from the documents): <c>{"user": {...}}</c> or the bare user.</summary>
    public static JsonTypeInfo<ZipchatUser> User { get; } = Create(new EnvelopeConverter<ZipchatUser>("user", ZipchatModelChecks.User));

    /// <summary>List Conversations: <c>{"conversations": [...]}</c>.</summary>
    public static JsonTypeInfo<ConversationList> ConversationList { get; } = Create(ConversationListReader);

    /// <summary>A List Conversations page's items.</summary>
    public static JsonTypeInfo<IReadOnlyList<ZipchatConversation>> Conversations { get; } =
        Create(new SelectingConverter<ConversationList, IReadOnlyList<ZipchatConversation>>(ConversationListReader, static l => l.Conversations));

    /// <summary>List Users: <c>{"users": [...]}</c> or a bare array.</summary>
    public static JsonTypeInfo<UserList> UserList { get; } = Create(UserListReader);

    /// <summary>A List Users page's items.</summary>
    public static JsonTypeInfo<IReadOnlyList<ZipchatUser>> Users { get; } =
        Create(new SelectingConverter<UserList, IReadOnlyList<ZipchatUser>>(UserListReader, static l => l.Users));

    private static JsonTypeInfo<T> Create<T>(JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(ZipchatJsonContext.Default.Options, converter);
}
