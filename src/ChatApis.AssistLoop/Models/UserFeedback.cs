using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The customer's feedback on an AI response. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<UserFeedback>))]
public readonly record struct UserFeedback(string Value) : IOpenEnum<UserFeedback>
{
    /// <summary><c>positive</c>.</summary>
    public static UserFeedback Positive { get; } = new("positive");

    /// <summary><c>negative</c>.</summary>
    public static UserFeedback Negative { get; } = new("negative");

    /// <summary><c>not-allowed</c>.</summary>
    public static UserFeedback NotAllowed { get; } = new("not-allowed");

    /// <inheritdoc />
    public static IReadOnlyList<UserFeedback> KnownValues { get; } = [Positive, Negative, NotAllowed];

    /// <inheritdoc />
    public static UserFeedback FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
