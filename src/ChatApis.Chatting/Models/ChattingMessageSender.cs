using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>Who a message is shown as coming from. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ChattingMessageSender>))]
public readonly record struct ChattingMessageSender(string Value) : IOpenEnum<ChattingMessageSender>
{
    /// <summary>A system message (sent when asked for).</summary>
    public static ChattingMessageSender System { get; } = new("system");

    /// <summary>The team (the stored sender when no system sender was asked for).</summary>
    public static ChattingMessageSender Team { get; } = new("team");

    /// <inheritdoc />
    public static IReadOnlyList<ChattingMessageSender> KnownValues { get; } = [System, Team];

    /// <inheritdoc />
    public static ChattingMessageSender FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
