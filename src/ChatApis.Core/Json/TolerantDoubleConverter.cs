using System.Text.Json;

namespace ChatApis.Json;

/// <summary>Reads a <see cref="double"/> from a number or a numeric string; null reads as 0.</summary>
public sealed class TolerantDoubleConverter : TolerantNumberConverter<double>
{
    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }

    /// <inheritdoc />
    protected override bool TryReadNumber(ref Utf8JsonReader reader, out double value) => reader.TryGetDouble(out value);
}
