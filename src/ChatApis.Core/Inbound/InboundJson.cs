using System.Text;
using System.Text.Json;

namespace ChatApis.Inbound;

/// <summary>
/// Reads an inbound payload (a webhook delivery, a trigger body) into a <see cref="JsonDocument"/> under
/// <see cref="InboundPayloadLimits"/>, or throws <see cref="ChatApiInvalidPayloadException"/>: the one
/// gate every vendor's <c>Parse</c> passes through, so size, encoding and nesting are checked alike.
/// </summary>
public static class InboundJson
{
    // Lone surrogates in a .NET string are not text any vendor could have sent: refuse them instead of
    // letting the default encoder turn them into U+FFFD silently.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes a payload received as text, refusing invalid UTF-16 and over-long text.</summary>
    /// <param name="json">The payload text.</param>
    /// <param name="vendor">The vendor, for the error.</param>
    /// <returns>The UTF-8 bytes.</returns>
    /// <exception cref="ChatApiInvalidPayloadException">The text is too long or not valid Unicode.</exception>
    public static byte[] Encode(string json, string vendor)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Every char is at least one UTF-8 byte: refuse before encoding a huge string.
        if (json.Length > InboundPayloadLimits.MaxBytes)
        {
            throw TooLong(vendor);
        }

        try
        {
            return StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ChatApiInvalidPayloadException(vendor, "the text is not valid Unicode (it holds an unpaired surrogate)", null, ex);
        }
    }

    /// <summary>Parses exactly one JSON value from the payload.</summary>
    /// <param name="utf8Json">The payload bytes (a UTF-8 byte order mark is allowed).</param>
    /// <param name="vendor">The vendor, for the error.</param>
    /// <returns>The document; the caller disposes it.</returns>
    /// <exception cref="ChatApiInvalidPayloadException">The payload is over the limits, not UTF-8, not JSON, or has content after the value.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json, string vendor)
    {
        if (utf8Json.Length > InboundPayloadLimits.MaxBytes + 3)
        {
            throw TooLong(vendor);
        }

        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (utf8Json.Length > InboundPayloadLimits.MaxBytes)
        {
            throw TooLong(vendor);
        }

        // JsonDocument checks a string's UTF-8 only when the string is read; check all of it up front so
        // bad bytes anywhere (even in a property no one reads) are refused the same way.
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            throw new ChatApiInvalidPayloadException(vendor, "the body is not valid UTF-8");
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = InboundPayloadLimits.MaxDepth });
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.ParseValue(ref reader);
            if (reader.Read())
            {
                throw new JsonException($"Unexpected content after the JSON value (at byte {reader.TokenStartIndex}).");
            }

            return document;
        }
        catch (JsonException ex)
        {
            document?.Dispose();
            throw Invalid(vendor, ex);
        }
    }

    /// <summary>Turns a JSON error met while reading a payload into the payload error, keeping its path.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="error">The JSON error.</param>
    /// <returns>The exception to throw.</returns>
    public static ChatApiInvalidPayloadException Invalid(string vendor, JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);

        // System.Text.Json appends " Path: $ | LineNumber: 0 | BytePositionInLine: 0." to its own messages;
        // the path is a property of its own here, so the reason stays a plain sentence.
        var reason = error.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            reason = reason[..cut];
        }

        if (error.LineNumber is { } line && error.BytePositionInLine is { } position)
        {
            reason = $"{reason.TrimEnd('.')} (line {line + 1}, byte {position + 1}).";
        }

        return new ChatApiInvalidPayloadException(vendor, reason.Length == 0 ? "the body is not valid JSON" : reason, error.Path, error);
    }

    /// <summary>
    /// The payload error for a string that cannot be read as text: JSON lets a string escape a lone UTF-16
    /// surrogate (<c>"\ud800"</c>), which is valid UTF-8 on the wire but no text at all, and
    /// <see cref="JsonElement.GetString"/> refuses it with an <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="error">The error reading the string.</param>
    /// <returns>The exception to throw.</returns>
    public static ChatApiInvalidPayloadException InvalidText(string vendor, InvalidOperationException error) =>
        new(vendor, "a string holds an escaped lone surrogate (\\uD800 to \\uDFFF), which is not text", null, error);

    private static ChatApiInvalidPayloadException TooLong(string vendor) =>
        new(vendor, $"the body is longer than {InboundPayloadLimits.MaxBytes} bytes ({nameof(InboundPayloadLimits)}.{nameof(InboundPayloadLimits.MaxBytes)})");
}
