using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>
/// Reads a number from a JSON number or a numeric string, and null as zero. A documented field that
/// comes back null must not crash parsing, and some vendors send numbers as strings; a value of the
/// wrong kind entirely still throws a <see cref="JsonException"/>, which the pipeline turns into a
/// <see cref="ChatApiInvalidResponseException"/>.
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
public abstract class TolerantNumberConverter<T> : JsonConverter<T>
    where T : struct, INumber<T>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && TryReadNumber(ref reader, out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return T.Zero;
        }

        if (reader.TokenType == JsonTokenType.String && T.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"Expected a {typeof(T).Name} but found {reader.TokenType}.");
    }

    /// <summary>Reads the current number token as <typeparamref name="T"/>.</summary>
    /// <param name="reader">The reader, on a number token.</param>
    /// <param name="value">The value.</param>
    /// <returns>Whether the number fits <typeparamref name="T"/>.</returns>
    protected abstract bool TryReadNumber(ref Utf8JsonReader reader, out T value);
}
