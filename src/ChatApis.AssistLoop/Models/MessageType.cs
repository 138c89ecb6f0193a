using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The kind of a message. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<MessageType>))]
public readonly record struct MessageType(string Value) : IOpenEnum<MessageType>
{
    /// <summary><c>guest</c>: a message from the customer.</summary>
    public static MessageType Guest { get; } = new("guest");

    /// <summary><c>agent</c>: a message from the AI or a human agent.</summary>
    public static MessageType Agent { get; } = new("agent");

    /// <summary><c>platform_action</c>: a system message (the find endpoint excludes these).</summary>
    public static MessageType PlatformAction { get; } = new("platform_action");

    /// <inheritdoc />
    public static IReadOnlyList<MessageType> KnownValues { get; } = [Guest, Agent, PlatformAction];

    /// <inheritdoc />
    public static MessageType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
