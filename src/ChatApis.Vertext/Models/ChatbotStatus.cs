using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>A chatbot's status. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ChatbotStatus>))]
public readonly record struct ChatbotStatus(string Value) : IOpenEnum<ChatbotStatus>
{
    /// <summary>The chatbot is active (the documented value).</summary>
    public static ChatbotStatus Active { get; } = new("Active");

    /// <inheritdoc />
    public static IReadOnlyList<ChatbotStatus> KnownValues { get; } = [Active];

    /// <inheritdoc />
    public static ChatbotStatus FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
