using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>Who answers a conversation: the AI agent or a human. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<AssistLoopResponseMode>))]
public readonly record struct AssistLoopResponseMode(string Value) : IOpenEnum<AssistLoopResponseMode>
{
    /// <summary><c>ai</c>: the AI agent responds.</summary>
    public static AssistLoopResponseMode Ai { get; } = new("ai");

    /// <summary><c>human</c>: a human agent responds.</summary>
    public static AssistLoopResponseMode Human { get; } = new("human");

    /// <inheritdoc />
    public static IReadOnlyList<AssistLoopResponseMode> KnownValues { get; } = [Ai, Human];

    /// <inheritdoc />
    public static AssistLoopResponseMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
