using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The customer's feedback on an AI response. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<AssistLoopUserFeedback>))]
public readonly record struct AssistLoopUserFeedback(string Value) : IOpenEnum<AssistLoopUserFeedback>
{
    /// <summary><c>positive</c>.</summary>
    public static AssistLoopUserFeedback Positive { get; } = new("positive");

    /// <summary><c>negative</c>.</summary>
    public static AssistLoopUserFeedback Negative { get; } = new("negative");

    /// <summary><c>not-allowed</c>.</summary>
    public static AssistLoopUserFeedback NotAllowed { get; } = new("not-allowed");

    /// <inheritdoc />
    public static IReadOnlyList<AssistLoopUserFeedback> KnownValues { get; } = [Positive, Negative, NotAllowed];

    /// <inheritdoc />
    public static AssistLoopUserFeedback FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
