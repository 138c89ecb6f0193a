using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>Reads and writes an <see cref="IOpenEnum{TSelf}"/> as its wire string; unknown strings are kept.</summary>
/// <typeparam name="T">The open enum type.</typeparam>
public sealed class OpenEnumConverter<T> : JsonConverter<T>
    where T : struct, IOpenEnum<T>
{
    // An enum field repeats a handful of values across a page, so the first few distinct values are
    // remembered as UTF-8 and read back without allocating a string each time. The cap bounds what a
    // hostile stream of distinct values can make us keep; past it, values are read the plain way.
    private const int MaxRemembered = 16;
    private static (byte[] Utf8, T Value)[] s_seen = [];

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => ReadString(ref reader),
        JsonTokenType.Null => default,
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => T.FromValue(JsonScalar.Text(ref reader)),
        _ => throw new JsonException($"Expected a string for {typeof(T).Name} but found {reader.TokenType}."),
    };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    private static T ReadString(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return T.FromValue(reader.GetString()!);
        }

        var utf8 = reader.ValueSpan;
        var seen = Volatile.Read(ref s_seen);
        foreach (var (bytes, value) in seen)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return value;
            }
        }

        var read = T.FromValue(reader.GetString()!);
        if (seen.Length < MaxRemembered)
        {
            // A lost race only means a value is remembered a little later.
            Interlocked.CompareExchange(ref s_seen, [.. seen, (utf8.ToArray(), read)], seen);
        }

        return read;
    }
}
