using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>Who wrote a message. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<MessageRole>))]
public readonly record struct MessageRole(string Value) : IOpenEnum<MessageRole>
{
    /// <summary>The customer.</summary>
    public static MessageRole User { get; } = new("user");

    /// <summary>The AI, or a human agent when <see cref="ZipchatMessage.ManualReply"/> is true.</summary>
    public static MessageRole Assistant { get; } = new("assistant");

    /// <inheritdoc />
    public static IReadOnlyList<MessageRole> KnownValues { get; } = [User, Assistant];

    /// <inheritdoc />
    public static MessageRole FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
