using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>A webhook event type (also the type of recent samples). Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<AssistLoopWebhookEventType>))]
public readonly record struct AssistLoopWebhookEventType(string Value) : IOpenEnum<AssistLoopWebhookEventType>
{
    /// <summary><c>new_conversation</c>: a customer started a conversation.</summary>
    public static AssistLoopWebhookEventType NewConversation { get; } = new("new_conversation");

    /// <summary><c>human_handoff_required</c>: the AI asked for a human.</summary>
    public static AssistLoopWebhookEventType HumanHandoffRequired { get; } = new("human_handoff_required");

    /// <inheritdoc />
    public static IReadOnlyList<AssistLoopWebhookEventType> KnownValues { get; } = [NewConversation, HumanHandoffRequired];

    /// <inheritdoc />
    public static AssistLoopWebhookEventType FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
