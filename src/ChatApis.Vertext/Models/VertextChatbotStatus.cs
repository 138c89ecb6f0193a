using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>A chatbot's status. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<VertextChatbotStatus>))]
public readonly record struct VertextChatbotStatus(string Value) : IOpenEnum<VertextChatbotStatus>
{
    /// <summary>The chatbot is active (the documented value).</summary>
    public static VertextChatbotStatus Active { get; } = new("Active");

    /// <inheritdoc />
    public static IReadOnlyList<VertextChatbotStatus> KnownValues { get; } = [Active];

    /// <inheritdoc />
    public static VertextChatbotStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
