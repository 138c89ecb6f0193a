using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>A Chatting trigger event. Open: an event this release does not know is kept as it is.</summary>
/// <param name="Value">The wire value, e.g. <c>conversation.created</c>.</param>
[JsonConverter(typeof(OpenEnumConverter<ChattingEvent>))]
public readonly record struct ChattingEvent(string Value) : IOpenEnum<ChattingEvent>
{
    /// <summary>A visitor started a conversation.</summary>
    public static ChattingEvent ConversationCreated { get; } = new("conversation.created");

    /// <summary>A conversation was resolved.</summary>
    public static ChattingEvent ConversationResolved { get; } = new("conversation.resolved");

    /// <summary>A contact was created.</summary>
    public static ChattingEvent ContactCreated { get; } = new("contact.created");

    /// <summary>A tag was added.</summary>
    public static ChattingEvent TagAdded { get; } = new("tag.added");

    /// <summary>Whether this is one of the four documented events.</summary>
    public bool IsKnown => this == ConversationCreated || this == ConversationResolved || this == ContactCreated || this == TagAdded;

    /// <inheritdoc />
    public static IReadOnlyList<ChattingEvent> KnownValues { get; } = [ConversationCreated, ConversationResolved, ContactCreated, TagAdded];

    /// <inheritdoc />
    public static ChattingEvent FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
