using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>Who a message is shown as coming from. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<MessageSender>))]
public readonly record struct MessageSender(string Value) : IOpenEnum<MessageSender>
{
    /// <summary>A system message (sent when asked for).</summary>
    public static MessageSender System { get; } = new("system");

    /// <summary>The team (the stored sender when no system sender was asked for).</summary>
    public static MessageSender Team { get; } = new("team");

    /// <inheritdoc />
    public static IReadOnlyList<MessageSender> KnownValues { get; } = [System, Team];

    /// <inheritdoc />
    public static MessageSender FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
