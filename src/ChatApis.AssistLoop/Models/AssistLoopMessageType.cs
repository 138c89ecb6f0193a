using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The kind of a message. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<AssistLoopMessageType>))]
public readonly record struct AssistLoopMessageType(string Value) : IOpenEnum<AssistLoopMessageType>
{
    /// <summary><c>guest</c>: a message from the customer.</summary>
    public static AssistLoopMessageType Guest { get; } = new("guest");

    /// <summary><c>agent</c>: a message from the AI or a human agent.</summary>
    public static AssistLoopMessageType Agent { get; } = new("agent");

    /// <summary><c>platform_action</c>: a system message (the find endpoint excludes these).</summary>
    public static AssistLoopMessageType PlatformAction { get; } = new("platform_action");

    /// <inheritdoc />
    public static IReadOnlyList<AssistLoopMessageType> KnownValues { get; } = [Guest, Agent, PlatformAction];

    /// <inheritdoc />
    public static AssistLoopMessageType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
