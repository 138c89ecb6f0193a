using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>Who answers a conversation: the AI agent or a human. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ResponseMode>))]
public readonly record struct ResponseMode(string Value) : IOpenEnum<ResponseMode>
{
    /// <summary><c>ai</c>: the AI agent responds.</summary>
    public static ResponseMode Ai { get; } = new("ai");

    /// <summary><c>human</c>: a human agent responds.</summary>
    public static ResponseMode Human { get; } = new("human");

    /// <inheritdoc />
    public static IReadOnlyList<ResponseMode> KnownValues { get; } = [Ai, Human];

    /// <inheritdoc />
    public static ResponseMode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
