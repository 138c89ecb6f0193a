using System.Text.Json;

namespace ChatApis.Json;

/// <summary>Reads an <see cref="int"/> from a number or a numeric string; null reads as 0.</summary>
public sealed class TolerantInt32Converter : TolerantNumberConverter<int>
{
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }

    /// <inheritdoc />
    protected override bool TryReadNumber(ref Utf8JsonReader reader, out int value) => reader.TryGetInt32(out value);
}
