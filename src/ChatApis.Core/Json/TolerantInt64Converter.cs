using System.Text.Json;

namespace ChatApis.Json;

/// <summary>Reads a <see cref="long"/> from a number or a numeric string; null reads as 0.</summary>
public sealed class TolerantInt64Converter : TolerantNumberConverter<long>
{
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }

    /// <inheritdoc />
    protected override bool TryReadNumber(ref Utf8JsonReader reader, out long value) => reader.TryGetInt64(out value);
}
