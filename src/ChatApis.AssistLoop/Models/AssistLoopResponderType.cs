using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>Who or what wrote an agent message. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<AssistLoopResponderType>))]
public readonly record struct AssistLoopResponderType(string Value) : IOpenEnum<AssistLoopResponderType>
{
    /// <summary><c>ai</c>: the AI agent.</summary>
    public static AssistLoopResponderType Ai { get; } = new("ai");

    /// <summary><c>human_assistant</c>: a human support agent (replies sent through the API are recorded so).</summary>
    public static AssistLoopResponderType HumanAssistant { get; } = new("human_assistant");

    /// <inheritdoc />
    public static IReadOnlyList<AssistLoopResponderType> KnownValues { get; } = [Ai, HumanAssistant];

    /// <inheritdoc />
    public static AssistLoopResponderType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
