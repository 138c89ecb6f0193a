using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// The channel a conversation runs on. Open: values this release does not know are kept as they are.
/// The documents show <c>"web"</c> (and <c>"chat"</c> on the sibling Conversations API page) and name
/// email, WhatsApp, Instagram and Messenger; the lowercase spellings of those four are assumed.
/// </summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ConversationChannel>))]
public readonly record struct ConversationChannel(string Value) : IOpenEnum<ConversationChannel>
{
    /// <summary>The website widget (the documented example value).</summary>
    public static ConversationChannel Web { get; } = new("web");

    /// <summary>The chat widget as the sibling Conversations API page spells it.</summary>
    public static ConversationChannel Chat { get; } = new("chat");

    /// <summary>Email.</summary>
    public static ConversationChannel Email { get; } = new("email");

    /// <summary>WhatsApp (a Meta channel: 24-hour reply window).</summary>
    public static ConversationChannel WhatsApp { get; } = new("whatsapp");

    /// <summary>Instagram (a Meta channel: 24-hour reply window).</summary>
    public static ConversationChannel Instagram { get; } = new("instagram");

    /// <summary>Facebook Messenger (a Meta channel: 24-hour reply window).</summary>
    public static ConversationChannel Messenger { get; } = new("messenger");

    /// <summary>
    /// Whether Meta's 24-hour reply window applies (WhatsApp, Instagram, Messenger): a manual message is
    /// refused when the customer last wrote more than 24 hours ago.
    /// </summary>
    public bool IsMetaChannel =>
        string.Equals(Value, WhatsApp.Value, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Value, Instagram.Value, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Value, Messenger.Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public static IReadOnlyList<ConversationChannel> KnownValues { get; } = [Web, Chat, Email, WhatsApp, Instagram, Messenger];

    /// <inheritdoc />
    public static ConversationChannel FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
