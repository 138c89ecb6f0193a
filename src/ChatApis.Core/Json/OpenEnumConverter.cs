using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>Reads and writes an <see cref="IOpenEnum{TSelf}"/> as its wire string; unknown strings are kept.</summary>
/// <typeparam name="T">The open enum type.</typeparam>
public sealed class OpenEnumConverter<T> : JsonConverter<T>
    where T : struct, IOpenEnum<T>
{
    // An enum field repeats a handful of values across a page, so the type's declared values are kept as
    // UTF-8 and a match on the wire returns the declared instance without allocating a string. The set is
    // fixed by the type, never by what a server sent: a hostile or unlucky first page cannot fill it, and a
    // value reads the same in any process whatever was read before. Unknown values are read the plain way.
    private static readonly (byte[] Utf8, T Value)[] s_known =
        [.. T.KnownValues.Where(static v => v.Value is not null).Select(static v => (Encoding.UTF8.GetBytes(v.Value), v))];

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
        // Escaped or split values are rare; they still read as the same value, just with a string of their own.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var utf8 = reader.ValueSpan;
            foreach (var (bytes, value) in s_known)
            {
                if (utf8.SequenceEqual(bytes))
                {
                    return value;
                }
            }
        }

        return T.FromValue(reader.GetString()!);
    }
}
