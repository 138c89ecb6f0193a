using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>Reads a trigger payload into its typed <see cref="ChattingTrigger"/> and writes it back verbatim.</summary>
internal sealed class ChattingTriggerConverter : JsonConverter<ChattingTrigger>
{
    public override ChattingTrigger Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ChattingTrigger.From(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, ChattingTrigger value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.RawJson, skipInputValidation: true);
    }
}
