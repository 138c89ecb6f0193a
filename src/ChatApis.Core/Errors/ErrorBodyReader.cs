using System.Buffers;
using System.Text;
using System.Text.Json;
using ChatApis.Resilience;

namespace ChatApis;

/// <summary>
/// Reads a vendor's error body into an <see cref="ErrorBody"/>. The default handles the shapes the
/// supported vendors use: a JSON object with configurable code/message/retry-after properties
/// (AssistLoop <c>{error,message}</c>, Chatting <c>{ok:false,error}</c>) and plain text (Vertext).
/// A body that is neither (an HTML page from a proxy, truncated JSON) never throws: its text becomes
/// the message, or nothing when it is markup.
/// </summary>
public class ErrorBodyReader
{
    private readonly string? _codeProperty;
    private readonly string? _messageProperty;
    private readonly string? _retryAfterProperty;

    /// <summary>Creates a reader for a JSON error envelope.</summary>
    /// <param name="codeProperty">The property holding the error code, e.g. "error".</param>
    /// <param name="messageProperty">The property holding the message, e.g. "message".</param>
    /// <param name="retryAfterProperty">The property holding a retry delay in seconds, e.g. "retry_after".</param>
    public ErrorBodyReader(string? codeProperty = "error", string? messageProperty = "message", string? retryAfterProperty = "retry_after")
    {
        _codeProperty = codeProperty;
        _messageProperty = messageProperty;
        _retryAfterProperty = retryAfterProperty;
    }

    /// <summary>A reader that understands <c>{"error": ..., "message": ..., "retry_after": ...}</c> and plain text.</summary>
    public static ErrorBodyReader Default { get; } = new();

    /// <summary>Reads a failed response's body.</summary>
    /// <param name="statusCode">The response status.</param>
    /// <param name="mediaType">The response media type, if any.</param>
    /// <param name="body">The raw body bytes (possibly truncated by the size cap).</param>
    /// <returns>What the body said; empty parts when it said nothing readable.</returns>
    public virtual ErrorBody Read(int statusCode, string? mediaType, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        if (TryReadJson(body, out var parsed))
        {
            return parsed;
        }

        return new ErrorBody(null, ReadText(mediaType, body), null);
    }

    /// <summary>Reads the JSON object envelope; <c>false</c> when the body is not a JSON object.</summary>
    /// <param name="body">The body bytes.</param>
    /// <param name="result">The parsed parts.</param>
    /// <returns>Whether the body was a JSON object.</returns>
    protected bool TryReadJson(ReadOnlySpan<byte> body, out ErrorBody result)
    {
        result = default;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        string? code = null, message = null;
        TimeSpan? retry = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isCode = _codeProperty is not null && reader.ValueTextEquals(_codeProperty);
                var isMessage = _messageProperty is not null && reader.ValueTextEquals(_messageProperty);
                var isRetry = _retryAfterProperty is not null && reader.ValueTextEquals(_retryAfterProperty);
                reader.Read();
                if (isCode)
                {
                    code = ScalarText(ref reader);
                }
                else if (isMessage)
                {
                    message = ScalarText(ref reader);
                }
                else if (isRetry)
                {
                    retry = RetryHints.FromSecondsText(ScalarText(ref reader));
                }

                reader.TrySkip();
            }
        }
        catch (JsonException)
        {
            // Truncated or malformed JSON: keep what was read before the break, if anything.
            if (code is null && message is null)
            {
                return false;
            }
        }

        result = new ErrorBody(code, message, retry);
        return true;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => null,
    };

    /// <summary>Turns a non-JSON body into a message: plain text as is (trimmed), markup as nothing.</summary>
    /// <param name="mediaType">The response media type.</param>
    /// <param name="body">The body bytes.</param>
    /// <returns>The message text, or <c>null</c>.</returns>
    protected static string? ReadText(string? mediaType, ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        var looksLikeMarkup = text.StartsWith('<') || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false);
        if (text.Length == 0 || looksLikeMarkup)
        {
            return null;
        }

        return text.Length > 500 ? text[..500] : text;
    }
}
