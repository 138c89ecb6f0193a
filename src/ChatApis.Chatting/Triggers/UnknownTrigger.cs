using System.Text.Json;

namespace ChatApis.Chatting;

/// <summary>A trigger for an event this release does not know: its name in <see cref="ChattingTrigger.Event"/>, its fields as JSON.</summary>
public sealed class UnknownTrigger : ChattingTrigger
{
    internal UnknownTrigger(TriggerFields fields)
        : base(fields)
    {
        Data = fields.All();
    }

    /// <summary>The payload's fields by name: the nested <c>data</c> values, plus flattened <c>data__</c> fields it lacks.</summary>
    public IReadOnlyDictionary<string, JsonElement> Data { get; }
}
